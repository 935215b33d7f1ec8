import type { Rule, RuleType } from './types';

export interface RuleSection {
  type: RuleType;
  /** The section's heading in the rule table. */
  title: string;
  /** Said when the section has no rows, e.g. "No space rules." */
  emptyText: string;
  /** What the subject's id is called, for the id shown on hover. */
  idLabel: string;
  rows: Rule[];
}

const SECTION_ORDER: ReadonlyArray<Omit<RuleSection, 'rows'>> = [
  { type: 'global', title: 'Global', emptyText: 'No Global rule.', idLabel: 'ID' },
  { type: 'space', title: 'Spaces', emptyText: 'No space rules.', idLabel: 'Space ID' },
  { type: 'group', title: 'Groups', emptyText: 'No group rules.', idLabel: 'Group ID' },
  { type: 'user', title: 'Users', emptyText: 'No user rules.', idLabel: 'Account ID' },
];

/** Splits rows into the table's sections, Global, Spaces, Groups, Users, each sorted by name. */
export function groupRulesIntoSections(rows: readonly Rule[]): RuleSection[] {
  return SECTION_ORDER.map((section) => ({
    ...section,
    rows: rows
      .filter((row) => row.type === section.type)
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })),
  }));
}
