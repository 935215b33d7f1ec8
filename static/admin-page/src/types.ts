/**
 * The data `getConfig` and `saveConfig` answer with, and the shape guard the
 * page checks it against. Pure: no DOM, no React (unit tests run it under Node).
 */
import { isOptionalString, isRecord, isStringArray } from '../../shared/resolverResult';

export const RULE_TYPES = ['global', 'space', 'group', 'user'] as const;

export type RuleType = (typeof RULE_TYPES)[number];

/** The rule types an admin adds and removes; Global always exists. */
export type SubjectType = Exclude<RuleType, 'global'>;

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
  /** A space row's space key (its id is the space id). */
  key?: string;
  /** Keys of the scripts this subject may run; every other script is restricted. */
  allowed: string[];
}

/** Who did something: an account id, and the display name when Confluence gave one. */
export interface Person {
  accountId: string;
  displayName?: string;
}

export interface AdminConfig {
  enabled: boolean;
  /** The stored configuration's version, sent back with edits to detect conflicts. */
  version: number;
  scripts: BuiltInScript[];
  /** Keys of scripts added to the catalog since the table was last saved. */
  newScripts?: string[];
  /** Rows in canonical order: Global, spaces, groups, users, each by name. */
  rows: Rule[];
  /** Rows in the whole table (an answer holds at most one page of them). */
  totalRows?: number;
  /** Set when the table has more rows than one answer carries: pass it back as `cursor`. */
  nextCursor?: string;
  /** When and by whom the table was last saved; absent before the first save. */
  updatedAt?: string;
  updatedBy?: Person;
}

export function isRuleType(value: unknown): value is RuleType {
  return (RULE_TYPES as readonly unknown[]).includes(value);
}

export function isPerson(value: unknown): value is Person {
  return isRecord(value) && typeof value.accountId === 'string' && isOptionalString(value.displayName ?? undefined);
}

export function isBuiltInScript(value: unknown): value is BuiltInScript {
  return (
    isRecord(value) &&
    typeof value.key === 'string' &&
    typeof value.name === 'string' &&
    typeof value.description === 'string'
  );
}

export function isRule(value: unknown): value is Rule {
  return (
    isRecord(value) &&
    isRuleType(value.type) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isOptionalString(value.key) &&
    isStringArray(value.allowed)
  );
}

export function isAdminConfig(value: unknown): value is AdminConfig {
  return (
    isRecord(value) &&
    typeof value.enabled === 'boolean' &&
    typeof value.version === 'number' &&
    Array.isArray(value.scripts) &&
    value.scripts.every(isBuiltInScript) &&
    (value.newScripts === undefined || isStringArray(value.newScripts)) &&
    Array.isArray(value.rows) &&
    value.rows.every(isRule) &&
    (value.totalRows === undefined || typeof value.totalRows === 'number') &&
    (value.nextCursor === undefined || value.nextCursor === null || typeof value.nextCursor === 'string') &&
    (value.updatedAt === undefined || value.updatedAt === null || typeof value.updatedAt === 'string') &&
    (value.updatedBy === undefined || value.updatedBy === null || isPerson(value.updatedBy))
  );
}
