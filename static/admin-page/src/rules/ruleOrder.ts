/**
 * Row identity and canonical order: the server's own (src/rules, pure and
 * bundled into the page), so the table sorts exactly as saves come back.
 */
import { compareRows } from '../../../../src/rules/order';
import { rowRef } from '../../../../src/rules/model';
import type { Rule } from '../types';

/** A stable string for a row, e.g. `group:g-power`. Rows are matched by type and id, never by name. */
export type RuleRef = string;

export function ruleRef(rule: Pick<Rule, 'type' | 'id'>): RuleRef {
  return rowRef(rule.type, rule.id);
}

export const GLOBAL_REF: RuleRef = 'global:global';

export const compareRules: (a: Pick<Rule, 'type' | 'id' | 'name'>, b: Pick<Rule, 'type' | 'id' | 'name'>) => number =
  compareRows;

/** The given script keys, deduplicated, in catalog (column) order; unknown keys are dropped. */
export function inScriptOrder(keys: Iterable<string>, order: readonly string[]): string[] {
  const wanted = new Set(keys);
  return order.filter((key) => wanted.has(key));
}
