/**
 * A stalled run (stalled.ts) ends as `failed` on the first read that finds
 * it, so every page shows the same outcome and the audit log has its end.
 *
 * The write is conditioned on the run not having moved since it was read:
 * it is read again just before, and written only when its state and
 * `progressAt` are still the ones that made it stalled. Plain KVS keys have
 * no compare-and-set, so a worker could in theory save between that read
 * and the write; by the stall's definition none can still be alive, and a
 * worker that finds its run finished stops at its next chunk (engine.ts
 * `stillOwned`).
 */
import { now } from '../../clock';
import { appendRunAudit } from '../rules/audit-log';
import type { StoredRun } from './model';
import { loadRun, saveRun } from './repository';
import { isStalled, stalledMessage } from './stalled';

/** The run as readers should show it: unchanged, or failed (persisted) when it has stalled. */
export async function settleIfStalled(run: StoredRun): Promise<StoredRun> {
  const at = now();
  if (!isStalled(run, at)) return run;
  const stored = await loadRun(run.runId);
  if (!stored || stored.state !== run.state || stored.progressAt !== run.progressAt || !isStalled(stored, at)) {
    return stored ?? run;
  }
  const ended: StoredRun = {
    ...stored,
    state: 'failed',
    finishedAt: new Date(at).toISOString(),
    message: stalledMessage(),
    batch: [],
    waiting: [],
  };
  await saveRun(ended);
  await appendRunAudit({
    kind: 'run-ended',
    at: ended.finishedAt!,
    by: { accountId: ended.startedBy.accountId },
    runId: ended.runId,
    scriptKey: ended.scriptKey,
    space: ended.space,
    outcome: { state: 'failed', ...ended.progress, message: ended.message },
  });
  return ended;
}

/** Every run of a page, stalled ones settled (in parallel: one read and at most two writes each). */
export const settleStalledRuns = (runs: readonly StoredRun[]): Promise<StoredRun[]> =>
  Promise.all(runs.map(settleIfStalled));
