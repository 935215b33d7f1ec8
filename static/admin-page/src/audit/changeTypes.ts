/**
 * One difference between two rule tables, as the audit log and the import
 * preview report it; and the audit log's page shape. Guards included. Pure.
 */
import { isRecord, isStringArray } from '../../../shared/resolverResult';
import { isPerson, isRuleType, type Person, type RuleType } from '../types';

export type Change =
  | { kind: 'toggle'; from: boolean; to: boolean }
  | { kind: 'row-added'; type: RuleType; id: string; name: string; allowed: string[] }
  | { kind: 'row-removed'; type: RuleType; id: string; name: string }
  | { kind: 'row-changed'; type: RuleType; id: string; name: string; added: string[]; removed: string[] };

export interface ChangeSummary {
  toggle?: { from: boolean; to: boolean };
  added: number;
  removed: number;
  changed: number;
}

export interface AuditEntry {
  version: number;
  at: string;
  by: Person;
  summary: ChangeSummary;
  changes: Change[];
  /** Changes beyond what one entry keeps (a large import). */
  omittedChanges: number;
  source: 'edit' | 'import';
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

function isRowFacts(value: Record<string, unknown>): boolean {
  return isRuleType(value.type) && typeof value.id === 'string' && typeof value.name === 'string';
}

export function isChange(value: unknown): value is Change {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'toggle':
      return typeof value.from === 'boolean' && typeof value.to === 'boolean';
    case 'row-added':
      return isRowFacts(value) && isStringArray(value.allowed);
    case 'row-removed':
      return isRowFacts(value);
    case 'row-changed':
      return isRowFacts(value) && isStringArray(value.added) && isStringArray(value.removed);
    default:
      return false;
  }
}

function isSummary(value: unknown): value is ChangeSummary {
  return (
    isRecord(value) &&
    (value.toggle === undefined ||
      (isRecord(value.toggle) && typeof value.toggle.from === 'boolean' && typeof value.toggle.to === 'boolean')) &&
    typeof value.added === 'number' &&
    typeof value.removed === 'number' &&
    typeof value.changed === 'number'
  );
}

function isAuditEntry(value: unknown): value is AuditEntry {
  return (
    isRecord(value) &&
    typeof value.version === 'number' &&
    typeof value.at === 'string' &&
    isPerson(value.by) &&
    isSummary(value.summary) &&
    Array.isArray(value.changes) &&
    value.changes.every(isChange) &&
    typeof value.omittedChanges === 'number' &&
    (value.source === 'edit' || value.source === 'import')
  );
}

export function isAuditPage(value: unknown): value is AuditPage {
  return (
    isRecord(value) &&
    Array.isArray(value.entries) &&
    value.entries.every(isAuditEntry) &&
    (value.nextCursor === undefined || value.nextCursor === null || typeof value.nextCursor === 'string')
  );
}
