/**
 * The rule table as a flat list of lines for windowed rendering: a heading
 * line per section (Global, Spaces, Groups, Users), then its rows, or a line
 * saying it has none. Pure: no DOM, no React.
 */
import type { Rule, RuleType } from '../types';

export interface RuleSection {
  type: RuleType;
  /** The section's heading in the rule table. */
  title: string;
  /** What one row of this section is called, e.g. "space rule". */
  noun: string;
  /** What the subject's id is called, for the id shown on hover. */
  idLabel: string;
}

export const RULE_SECTIONS: readonly RuleSection[] = [
  { type: 'global', title: 'Global', noun: 'Global rule', idLabel: 'ID' },
  { type: 'space', title: 'Spaces', noun: 'space rules', idLabel: 'Space ID' },
  { type: 'group', title: 'Groups', noun: 'group rules', idLabel: 'Group ID' },
  { type: 'user', title: 'Users', noun: 'user rules', idLabel: 'Account ID' },
];

export function sectionOf(type: RuleType): RuleSection {
  return RULE_SECTIONS.find((section) => section.type === type) ?? RULE_SECTIONS[0]!;
}

export type TableLine =
  | { kind: 'heading'; section: RuleSection; count: number }
  | { kind: 'rule'; section: RuleSection; rule: Rule }
  | { kind: 'empty'; section: RuleSection; text: string };

export interface TableLines {
  lines: TableLine[];
  /** Rows shown (after the filter), Global included. */
  shown: number;
  /** Rows in the table. */
  total: number;
}

/**
 * Groups rules (already in canonical order) under their section headings,
 * keeping only those whose name, id or space key contains `filter`
 * (case-insensitive). The Global row is always shown: it is the rule every
 * other row is read against.
 */
export function tableLines(rules: readonly Rule[], filter: string): TableLines {
  const needle = filter.trim().toLowerCase();
  const bySection = new Map<RuleType, Rule[]>(RULE_SECTIONS.map((section) => [section.type, []]));
  for (const rule of rules) {
    if (rule.type === 'global' || !needle || matchesFilter(rule, needle)) bySection.get(rule.type)?.push(rule);
  }
  const lines: TableLine[] = [];
  let shown = 0;
  for (const section of RULE_SECTIONS) {
    const sectionRules = bySection.get(section.type) ?? [];
    shown += sectionRules.length;
    lines.push({ kind: 'heading', section, count: sectionRules.length });
    if (sectionRules.length === 0) {
      lines.push({ kind: 'empty', section, text: emptyText(section, needle ? filter.trim() : '') });
    }
    for (const rule of sectionRules) lines.push({ kind: 'rule', section, rule });
  }
  return { lines, shown, total: rules.length };
}

/** `needle` is already lower-cased. */
export function matchesFilter(rule: Rule, needle: string): boolean {
  return (
    rule.name.toLowerCase().includes(needle) ||
    rule.id.toLowerCase().includes(needle) ||
    (rule.key !== undefined && rule.key.toLowerCase().includes(needle))
  );
}

function emptyText(section: RuleSection, filter: string): string {
  if (filter) return `No ${section.noun} match “${filter}”.`;
  return `No ${section.noun}.`;
}
