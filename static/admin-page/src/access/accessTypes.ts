/** The data `explainAccess` answers with, and its shape guard. Pure. */
import { isScriptAnswer, type ScriptAnswer } from '../../../shared/decision';
import { isOptionalString, isRecord } from '../../../shared/resolverResult';

export type { DecidedBy } from '../../../shared/decision';

export type ScriptAccess = ScriptAnswer;

export interface AccessExplanation {
  user: { accountId: string; displayName?: string };
  spaceAdmin: boolean;
  space: { id: string; key: string; name?: string };
  scripts: ScriptAccess[];
}

export function isAccessExplanation(value: unknown): value is AccessExplanation {
  return (
    isRecord(value) &&
    isRecord(value.user) &&
    typeof value.user.accountId === 'string' &&
    isOptionalString(value.user.displayName ?? undefined) &&
    typeof value.spaceAdmin === 'boolean' &&
    isRecord(value.space) &&
    typeof value.space.id === 'string' &&
    typeof value.space.key === 'string' &&
    isOptionalString(value.space.name ?? undefined) &&
    Array.isArray(value.scripts) &&
    value.scripts.every(isScriptAnswer)
  );
}
