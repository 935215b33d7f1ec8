/** The data `getConfig` answers with. */
export const RULE_TYPES = ['global', 'space', 'group', 'user'] as const;

export type RuleType = (typeof RULE_TYPES)[number];

export interface BuiltInScript {
  key: string;
  name: string;
  description: string;
}

/** One row of the rule table: a subject, stored by id, and the scripts it may run. */
export interface Rule {
  type: RuleType;
  id: string;
  name: string;
  /** Keys of the scripts this subject may run; every other script is restricted. */
  allowed: string[];
}

export interface AdminConfig {
  enabled: boolean;
  /** The stored configuration's version, sent back with edits to detect conflicts. */
  version: number | string;
  scripts: BuiltInScript[];
  /** Keys of scripts added to the catalog since the table was last saved. */
  newScripts?: string[];
  rows: Rule[];
  /** Set when the table has more rows than one answer carries: pass it back as `cursor`. */
  nextCursor?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isBuiltInScript(value: unknown): value is BuiltInScript {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string'
  );
}

function isRule(value: unknown): value is Rule {
  return (
    isRecord(value) &&
    (RULE_TYPES as readonly unknown[]).includes(value.type) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isStringArray(value.allowed)
  );
}

export function isAdminConfig(value: unknown): value is AdminConfig {
  return (
    isRecord(value) &&
    typeof value.enabled === 'boolean' &&
    (typeof value.version === 'number' || typeof value.version === 'string') &&
    Array.isArray(value.scripts) &&
    value.scripts.every(isBuiltInScript) &&
    (value.newScripts === undefined || isStringArray(value.newScripts)) &&
    Array.isArray(value.rows) &&
    value.rows.every(isRule) &&
    (value.nextCursor === undefined || value.nextCursor === null || typeof value.nextCursor === 'string')
  );
}
