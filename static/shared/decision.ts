/**
 * What decided a script's access, as `getMyScripts` and `explainAccess`
 * answer it (src/contract/access.ts), with the wording helpers both pages
 * use. Pure: no DOM, no React.
 */
import type { DecisionType } from '../../src/contract/access';

export type { DecisionType } from '../../src/contract/access';

/**
 * The row that decided, as the pages read it (for `group`: the group rows
 * that allowed it, or all matching ones when none did). The contract's
 * stricter union is assignable to it.
 */
export interface DecidedBy {
  type: DecisionType;
  ids?: readonly string[];
  names?: readonly string[];
}

/** One script as both pages read it (the contract's ScriptAccess is assignable to it). */
export interface ScriptAnswer {
  key: string;
  name: string;
  description: string;
  allowed: boolean;
  decidedBy: DecidedBy;
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
