/** The data `explainAccess` answers with, and its shape guard. Pure. */
import { isOptionalString, isRecord, isStringArray } from '../../../shared/resolverResult';

export const DECISION_TYPES = ['feature-off', 'not-space-admin', 'user', 'group', 'space', 'global'] as const;

export type DecisionType = (typeof DECISION_TYPES)[number];

/** The row that decided (for `group`: the group rows that allowed it, or all matching ones when none did). */
export interface DecidedBy {
  type: DecisionType;
  ids?: string[];
  names?: string[];
}

export interface ScriptAccess {
  key: string;
  name: string;
  description: string;
  allowed: boolean;
  decidedBy: DecidedBy;
}

export interface AccessExplanation {
  user: { accountId: string; displayName?: string };
  spaceAdmin: boolean;
  space: { id: string; key: string; name?: string };
  scripts: ScriptAccess[];
}

function isDecidedBy(value: unknown): value is DecidedBy {
  return (
    isRecord(value) &&
    (DECISION_TYPES as readonly unknown[]).includes(value.type) &&
    (value.ids === undefined || isStringArray(value.ids)) &&
    (value.names === undefined || isStringArray(value.names))
  );
}

function isScriptAccess(value: unknown): value is ScriptAccess {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string' &&
    typeof value.allowed === 'boolean' &&
    isDecidedBy(value.decidedBy)
  );
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
    value.scripts.every(isScriptAccess)
  );
}
