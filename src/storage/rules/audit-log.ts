import { kvs, WhereConditions } from '@forge/kvs';
import type { Change } from '../../rules';
import type { RunAuditEntry } from '../../contract/scripts';
import { AUDIT_PREFIX, auditKey } from './keys';

/** One accepted save, as the audit log keeps it. */
export interface AuditEntry {
  version: number;
  at: string;
  by: { accountId: string };
  summary: { toggle?: { from: boolean; to: boolean }; added: number; removed: number; changed: number };
  changes: Change[];
  /** Changes beyond what one entry keeps (a large import). */
  omittedChanges: number;
  source: 'edit' | 'import';
}

/** An entry stays far below Forge's 240 KiB value limit. */
const MAX_CHANGES_KEPT = 200;

export function auditEntryFor(
  version: number,
  accountId: string,
  at: string,
  changes: Change[],
  source: AuditEntry['source'],
): { key: string; value: AuditEntry } {
  const summary: AuditEntry['summary'] = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) {
    if (change.kind === 'toggle') summary.toggle = { from: change.from, to: change.to };
    else if (change.kind === 'row-added') summary.added++;
    else if (change.kind === 'row-removed') summary.removed++;
    else summary.changed++;
  }
  return {
    key: auditKey(version),
    value: {
      version,
      at,
      by: { accountId },
      summary,
      changes: changes.slice(0, MAX_CHANGES_KEPT),
      omittedChanges: Math.max(0, changes.length - MAX_CHANGES_KEPT),
      source,
    },
  };
}

export const AUDIT_PAGE_SIZE = 20;

/** A page of the audit log, newest first. */
export async function readAuditLog(cursor?: string): Promise<{ entries: AuditEntry[]; nextCursor?: string }> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(AUDIT_PREFIX)).limit(AUDIT_PAGE_SIZE);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany<AuditEntry>();
  return { entries: page.results.map((r) => r.value), nextCursor: page.nextCursor };
}

// ---- script runs (additive: their own key prefix, so rule entries keep their keys and order) ----

export const RUN_AUDIT_PREFIX = 'runs:audit:';

/** Newest first: an inverted time, then the run and the kind so a start and an end never share a key. */
export function runAuditEntryKey(entry: RunAuditEntry): string {
  const inverted = String(9_999_999_999_999 - Date.parse(entry.at)).padStart(13, '0');
  return `${RUN_AUDIT_PREFIX}${inverted}:${entry.runId}:${entry.kind}`;
}

export async function appendRunAudit(entry: RunAuditEntry): Promise<void> {
  await kvs.set(runAuditEntryKey(entry), entry);
}

/** A page of the script runs' audit entries, newest first. */
export async function readRunAuditLog(cursor?: string): Promise<{ entries: RunAuditEntry[]; nextCursor?: string }> {
  let query = kvs.query().where('key', WhereConditions.beginsWith(RUN_AUDIT_PREFIX)).limit(AUDIT_PAGE_SIZE);
  if (cursor) query = query.cursor(cursor);
  const page = await query.getMany<RunAuditEntry>();
  return { entries: page.results.map((r) => r.value), nextCursor: page.nextCursor };
}
