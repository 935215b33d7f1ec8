/**
 * What decided a script's access, as `getMyScripts` and `explainAccess`
 * answer it (src/rules/evaluate.ts `DecidedBy`), with the guard and the
 * wording helpers both pages use. Pure: no DOM, no React.
 */
import { isRecord, isStringArray } from './resolverResult';

export const DECISION_TYPES = ['feature-off', 'not-space-admin', 'user', 'group', 'space', 'global'] as const;

export type DecisionType = (typeof DECISION_TYPES)[number];

/** The row that decided (for `group`: the group rows that allowed it, or all matching ones when none did). */
export interface DecidedBy {
  type: DecisionType;
  ids?: string[];
  names?: string[];
}

export function isDecidedBy(value: unknown): value is DecidedBy {
  return (
    isRecord(value) &&
    (DECISION_TYPES as readonly unknown[]).includes(value.type) &&
    (value.ids === undefined || isStringArray(value.ids)) &&
    (value.names === undefined || isStringArray(value.names))
  );
}

/** One script as both pages receive it: what it is, whether it is allowed, and what decided. */
export interface ScriptAnswer {
  key: string;
  name: string;
  description: string;
  allowed: boolean;
  decidedBy: DecidedBy;
}

export function isScriptAnswer(value: unknown): value is ScriptAnswer {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string' &&
    typeof value.allowed === 'boolean' &&
    isDecidedBy(value.decidedBy)
  );
}

/** Display names, falling back to the id where a name is missing; no repeats. */
export function decisionLabels({ ids = [], names = [] }: DecidedBy): string[] {
  const count = Math.max(ids.length, names.length);
  const labels: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const label = (names[i] ?? '').trim() || (ids[i] ?? '').trim();
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
