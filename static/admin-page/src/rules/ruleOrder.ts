/**
 * Row identity and canonical order, as the server keeps them (docs/rules.md):
 * Global, spaces, groups, users; within a type by name case-insensitively,
 * then exactly, then by id; plain code-unit comparison.
 */
import { RULE_TYPES, type Rule, type RuleType } from '../types';

/** A stable string for a row, e.g. `group:g-power`. Rows are matched by type and id, never by name. */
export type RuleRef = string;

export function ruleRef(rule: Pick<Rule, 'type' | 'id'>): RuleRef {
  return `${rule.type}:${rule.id}`;
}

export const GLOBAL_REF: RuleRef = 'global:global';

export function compareRules(a: Pick<Rule, 'type' | 'id' | 'name'>, b: Pick<Rule, 'type' | 'id' | 'name'>): number {
  return (
    typeRank(a.type) - typeRank(b.type) ||
    compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.id, b.id)
  );
}

/** The given script keys, deduplicated, in catalog (column) order; unknown keys are dropped. */
export function inScriptOrder(keys: Iterable<string>, order: readonly string[]): string[] {
  const wanted = new Set(keys);
  return order.filter((key) => wanted.has(key));
}

function typeRank(type: RuleType): number {
  return RULE_TYPES.indexOf(type);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
