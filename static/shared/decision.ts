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

export { decisionLabels, joinNames } from '../../src/contract/access-reasons';
