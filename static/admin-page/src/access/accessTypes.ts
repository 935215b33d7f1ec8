/** The data `explainAccess` answers with (src/contract/access.ts), as the page reads it. Pure. */
import type { UserAccessExplanation } from '../../../../src/contract/access';
import type { ScriptAnswer } from '../../../shared/decision';

export type { DecidedBy } from '../../../shared/decision';

export type ScriptAccess = ScriptAnswer;

/** The contract's answer is assignable to this reading of it. */
export type AccessExplanation = Omit<UserAccessExplanation, 'scripts'> & { scripts: ScriptAccess[] };
