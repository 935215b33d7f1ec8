/**
 * A preview against Confluence as it is now can miss work already queued
 * for the same target: with a grant of X still waiting for the relay, X is
 * absent, so a revoke of X reads "already so" and would be stored as done,
 * after which the older grant applies and the admin's newer intent is lost.
 * Such rows are changes: the relay applies them after the older work, and
 * finds them already so then if they are. Pure.
 */
import type { ChangePreview, PlanRow } from '../contract/permission-changes';
import { targetKey } from '../contract/change-target';

export const QUEUED_NOTE = 'An earlier change of this is still queued; this one is applied after it.';

export function behindQueuedWork<P extends ChangePreview>(preview: P, unfinished: ReadonlyMap<string, string>): P {
  let moved = 0;
  const rows = preview.rows.map((row): PlanRow => {
    if (row.status !== 'already' || !unfinished.has(targetKey(row))) return row;
    moved += 1;
    return { ...row, status: 'change', note: QUEUED_NOTE };
  });
  if (moved === 0) return preview;
  return { ...preview, rows, changes: preview.changes + moved, already: preview.already - moved };
}
