import { kvs, WhereConditions } from '@forge/kvs';
import type { Change } from '../../rules';
import { pageWithCursor } from '../refused-cursor';
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
  const page = await pageWithCursor(cursor, 'getAuditLog', () => query.getMany<AuditEntry>());
  return { entries: page.results.map((r) => r.value), nextCursor: page.nextCursor };
}
