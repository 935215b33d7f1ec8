/**
 * The data `getMyScripts` answers with (src/contract/access.ts). Kept free
 * of DOM and React so the wording module and its unit tests (which run
 * under Node) can import it.
 */
import type { DecidedBy, ScriptAnswer } from '../../shared/decision';
import type { AccessExplanation } from '../../../src/contract/access';

export type { DecidedBy } from '../../shared/decision';

/** Whether one script is allowed, and what decided it. */
export interface ScriptDecision {
  allowed: boolean;
  decidedBy: DecidedBy;
}

export type MyScript = ScriptAnswer;

export type SpaceSummary = AccessExplanation['space'];

/** The contract's answer is assignable to this reading of it. */
export type MyScriptsData = Omit<AccessExplanation, 'scripts'> & { scripts: MyScript[] };
