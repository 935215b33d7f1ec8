/**
 * The data `getMyScripts` answers with. Kept free of DOM and React so the
 * wording module and its unit tests (which run under Node) can import it.
 */
import { isScriptAnswer, type DecidedBy, type ScriptAnswer } from '../../shared/decision';
import { isRecord } from '../../shared/resolverResult';

export type { DecidedBy } from '../../shared/decision';

/** Whether one script is allowed, and what decided it. */
export interface ScriptDecision {
  allowed: boolean;
  decidedBy: DecidedBy;
}

export type MyScript = ScriptAnswer;

export interface SpaceSummary {
  id: string;
  key: string;
  /** Absent when Confluence did not give the space's name. */
  name?: string;
}

export interface MyScriptsData {
  spaceAdmin: boolean;
  space: SpaceSummary;
  scripts: MyScript[];
}

function isSpaceSummary(value: unknown): value is SpaceSummary {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.key === 'string' &&
    (value.name === undefined || typeof value.name === 'string')
  );
}

export function isMyScriptsData(value: unknown): value is MyScriptsData {
  return (
    isRecord(value) &&
    typeof value.spaceAdmin === 'boolean' &&
    isSpaceSummary(value.space) &&
    Array.isArray(value.scripts) &&
    value.scripts.every(isScriptAnswer)
  );
}
