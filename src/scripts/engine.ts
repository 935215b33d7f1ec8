/**
 * The run engine: a run is started by a resolver (recorded, then one event
 * pushed), and worked by the queue consumer in chunks. Per chunk:
 *
 *   1. re-check the rules and the starter's space-admin right (stop as
 *      "access withdrawn" when they no longer allow it) and the cancel request;
 *   2. if no chunk is under way, ask the script for the next batch and store
 *      it with the cursor after it, before anything of it is applied;
 *   3. apply the batch (idempotent items; cancel honoured at the next item),
 *      then store the outcomes and drop the applied items from the batch.
 *
 * A consumer that dies in step 3 is retried by Forge with the same event:
 * the batch is still stored, so the retry applies it again, and idempotent
 * items make the second application a no-op; outcomes are counted only when
 * stored, so nothing is counted twice and nothing is skipped.
 *
 * Before its time runs out the consumer hands over: it names a new token in
 * `nextToken`, stores that, then pushes the continuation event. Which
 * event may work on the run (`claim`):
 *   - its token is the run's `nextToken`: the continuation takes over;
 *   - its token is the run's `token`: the run's own event, or Forge's retry
 *     of it (same `eventId`); a different event with that token is a
 *     duplicate and is dropped. If that event had already begun handing
 *     over (`nextToken` is stored) it only pushes the continuation again,
 *     since it cannot know whether its push went out (a duplicate push is
 *     dropped by the rule above);
 *   - any other token is stale and is dropped.
 * Each worker re-reads the run before each chunk and stops when another
 * event owns it, so two workers never overlap by more than one chunk (KVS
 * has no compare-and-set for plain keys; items are idempotent anyway).
 */
import { randomBytes } from 'node:crypto';
import { getAppContext } from '@forge/api';
import { isFinished, RunFailure, ScriptKey } from '../contract/scripts';
import { userMay } from '../confluence/content';
import { RateLimitedError } from '../confluence/paced';
import { runStillAllowed } from '../resolvers/access';
import { isKvsRateLimited } from '../storage/kvs-errors';
import { appendRunAudit } from '../storage/rules/audit-log';
import { MAX_FAILURES_KEPT, PendingItem, RUN_SCHEMA_VERSION, StoredRun } from '../storage/runs/model';
import { createRun, isCancelRequested, loadRun, saveRun, scratchFor } from '../storage/runs/repository';
import { applyChunk, cancelPoller, reasonOf } from './chunk';
import { CANCEL_POLL_MS, WORK_BUDGET_MS } from './limits';
import { TargetError } from './targets';
import { moduleFor } from './registry';
import { pushRunEvent, RunEventBody } from './run-queue';
import {
  AnyScriptModule,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_CONCURRENCY,
  ItemOutcome,
  RunScope,
  ScriptContext,
} from './types';

const newToken = (): string => randomBytes(9).toString('base64url');
export const newRunId = (): string => `r${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;

/** The context a script previews or runs with; every content check is for the person who started it. */
export function contextFor(scope: RunScope, runId?: string): ScriptContext {
  return {
    scope,
    runId,
    userMay: (contentId, operation) => userMay(contentId, scope.accountId, operation),
    scratch: runId ? scratchFor(runId) : undefined,
  };
}

export interface StartRequest {
  module: AnyScriptModule;
  scope: RunScope;
  input: Record<string, unknown>;
  startedBy: { accountId: string; displayName?: string };
  /** Names of the ids in `input`, for the pages and the audit log; the run itself never reads them. */
  inputNames?: StoredRun['inputNames'];
}

/** Records a run and pushes its first event. If the push fails, the run is marked failed and the error rethrown. */
export async function startRun({ module, scope, input, startedBy, inputNames }: StartRequest): Promise<StoredRun> {
  const run: StoredRun = {
    schemaVersion: RUN_SCHEMA_VERSION,
    runId: newRunId(),
    scriptKey: module.key,
    space: scope.space,
    startedBy,
    startedAt: new Date(scope.startedAt).toISOString(),
    startedAtMs: scope.startedAt,
    input,
    ...(inputNames ? { inputNames } : {}),
    state: 'queued',
    progress: { done: 0, total: 0, failed: 0 },
    failures: [],
    token: newToken(),
    discoveryDone: false,
    found: 0,
    batch: [],
    waiting: [],
    stats: { chunks: 0, invocations: 0, rateLimitedWaits: 0 },
  };
  await createRun(run);
  await appendRunAudit({
    kind: 'run-started',
    at: run.startedAt,
    by: { accountId: startedBy.accountId },
    runId: run.runId,
    scriptKey: run.scriptKey,
    space: run.space,
    input,
    ...(inputNames ? { inputNames } : {}),
  });
  try {
    await pushRunEvent({ runId: run.runId, token: run.token });
  } catch (error) {
    await finish(run, 'failed', `The run could not be queued: ${reasonOf(error)}`);
    throw error;
  }
  return run;
}

async function finish(run: StoredRun, state: StoredRun['state'], message?: string): Promise<void> {
  run.state = state;
  run.finishedAt = new Date().toISOString();
  if (message) run.message = message;
  run.batch = [];
  run.waiting = [];
  await saveRun(run);
  await appendRunAudit({
    kind: 'run-ended',
    at: run.finishedAt,
    by: { accountId: run.startedBy.accountId },
    runId: run.runId,
    scriptKey: run.scriptKey,
    space: run.space,
    outcome: { state, ...run.progress, message: run.message },
  });
}

function record(run: StoredRun, item: PendingItem, outcome: ItemOutcome): void {
  if (outcome.status === 'failed') {
    run.progress.failed += 1;
    if (run.failures.length < MAX_FAILURES_KEPT) {
      const failure: RunFailure = { itemId: item.id, reason: outcome.reason };
      if (item.title) failure.title = item.title;
      run.failures.push(failure);
    }
  } else {
    run.progress.done += 1;
  }
}

/** How long this invocation may keep starting chunks. */
function budgetMs(): number {
  try {
    return Math.min(WORK_BUDGET_MS, getAppContext().invocationRemainingTimeInMillis() / 2);
  } catch {
    return WORK_BUDGET_MS;
  }
}

/** Continues in a new event: the new token is stored before the push, so whichever event survives can go on. */
async function handOver(run: StoredRun, delayInSeconds = 0): Promise<void> {
  run.nextToken = newToken();
  await saveRun(run);
  await pushRunEvent({ runId: run.runId, token: run.nextToken }, delayInSeconds);
}

/** Items waiting on a long task that are due now go back into the batch. */
function takeDueWaiting(run: StoredRun): void {
  const now = Date.now();
  const due = run.waiting.filter((w) => (w.notBefore ?? 0) <= now);
  run.waiting = run.waiting.filter((w) => (w.notBefore ?? 0) > now);
  run.batch.push(...due);
}

type Claim = 'work' | 'drop' | 'push-continuation';

/** May this event work on the run? (See the header.) Updates the run's owner when it may. */
function claim(run: StoredRun, body: RunEventBody, eventId: string): Claim {
  if (run.nextToken !== undefined && body.token === run.nextToken) {
    run.token = body.token;
    run.nextToken = undefined;
    run.ownerEventId = eventId;
    return 'work';
  }
  if (body.token !== run.token) return 'drop';
  if (run.ownerEventId !== undefined && run.ownerEventId !== eventId) return 'drop';
  if (run.nextToken !== undefined) return 'push-continuation';
  run.ownerEventId = eventId;
  return 'work';
}

/**
 * Still this event's run, as stored? Another event may have taken it over
 * since the last chunk, or a reader may have ended it as stalled
 * (src/storage/runs/settle-stalled.ts): a finished run is never worked again.
 */
async function stillOwned(run: StoredRun): Promise<boolean> {
  const stored = await loadRun(run.runId);
  return (
    stored !== undefined &&
    !isFinished(stored.state) &&
    stored.token === run.token &&
    stored.ownerEventId === run.ownerEventId
  );
}

/** The consumer's work for one event. Returns when the run has finished, has handed over, or is not this event's. */
export async function consumeRunEvent(body: RunEventBody, eventId: string): Promise<void> {
  const deadline = Date.now() + budgetMs();
  const run = await loadRun(body.runId);
  if (!run || isFinished(run.state)) return;
  const claimed = claim(run, body, eventId);
  if (claimed === 'drop') return;
  if (claimed === 'push-continuation' && run.nextToken) {
    return pushRunEvent({ runId: run.runId, token: run.nextToken });
  }
  const module = moduleFor(run.scriptKey as ScriptKey);
  if (!module) return finish(run, 'failed', `This app no longer has the script ${run.scriptKey}.`);
  const parsed = module.input.safeParse(run.input);
  if (!parsed.success) return finish(run, 'failed', 'The stored input no longer fits the script.');
  const input = parsed.data;
  const scope: RunScope = { space: run.space, accountId: run.startedBy.accountId, startedAt: run.startedAtMs };
  const ctx = contextFor(scope, run.runId);
  const stopped = cancelPoller(() => isCancelRequested(run.runId), CANCEL_POLL_MS);
  run.state = 'running';
  run.stats.invocations += 1;
  let saving = Promise.resolve();
  const save = () => (saving = saving.then(() => saveRun(run)));

  try {
    await save();
    for (let first = true; ; first = false) {
      if (!first && !(await stillOwned(run))) return;
      if (await isCancelRequested(run.runId)) return await finish(run, 'cancelled', 'Cancelled before it finished.');
      const needBatch = run.batch.length === 0;
      const [access, discovery] = await Promise.all([
        runStillAllowed(run.startedBy.accountId, run.space, run.scriptKey),
        needBatch && !run.discoveryDone
          ? module.discover(ctx, input, run.cursor, module.chunkSize ?? DEFAULT_CHUNK_SIZE)
          : undefined,
      ]);
      if (!access.allowed) return await finish(run, 'stopped', `Access withdrawn: ${access.reason}`);
      if (discovery) {
        run.batch = discovery.items.map((item) => ({ ...item }));
        run.cursor = discovery.next;
        run.discoveryDone = discovery.next === undefined;
        run.found += discovery.items.length;
        run.progress.total = Math.max(discovery.total ?? 0, run.found);
        await save();
      }
      if (run.batch.length === 0) takeDueWaiting(run);
      if (run.batch.length === 0) {
        // A stretch with nothing to do (pages without matching comments) still counts against the budget.
        if (!run.discoveryDone) {
          if (Date.now() >= deadline) return await handOver(run);
          continue;
        }
        if (run.waiting.length > 0) {
          const soonest = Math.min(...run.waiting.map((w) => w.notBefore ?? 0));
          return await handOver(run, Math.max(1, (soonest - Date.now()) / 1000));
        }
        const ending = module.finish ? await module.finish(ctx, input, run.progress) : {};
        if (ending.links) run.links = ending.links;
        const state = run.progress.failed > 0 && run.progress.done === 0 ? 'failed' : 'succeeded';
        return await finish(run, state, ending.message ?? summaryOf(run));
      }

      const result = await applyChunk({
        items: run.batch,
        concurrency: module.concurrency ?? DEFAULT_CONCURRENCY,
        stopped,
        apply: (item, checkpoint) => module.apply(ctx, input, { ...item, checkpoint }),
        checkpoint: async (item, state) => {
          item.state = state;
          await save();
        },
      });
      for (const item of run.batch) {
        const outcome = result.outcomes.get(item.id);
        if (!outcome) continue;
        if (outcome.status === 'wait') {
          run.waiting.push({ ...item, state: outcome.state, notBefore: Date.now() + outcome.retryInSeconds * 1000 });
        } else {
          record(run, item, outcome);
        }
      }
      run.batch = run.batch.filter((item) => !result.outcomes.has(item.id));
      run.stats.chunks += 1;
      if (result.cancelled) return await finish(run, 'cancelled', `Cancelled: ${summaryOf(run)}`);
      if (result.rateLimitedFor !== undefined) {
        run.stats.rateLimitedWaits += 1;
        return await handOver(run, result.rateLimitedFor);
      }
      await save();
      if (Date.now() >= deadline) return await handOver(run);
    }
  } catch (error) {
    if (error instanceof RateLimitedError) {
      run.stats.rateLimitedWaits += 1;
      return handOver(run, error.retryAfterSeconds);
    }
    // What the person asked for can no longer be done (the tree's root is gone): retrying will not help.
    if (error instanceof TargetError) return finish(run, 'failed', error.message);
    throw error;
  }
}

/**
 * Pauses before each retry of `failRun` when storage answers 429: the
 * failing chunk has often failed for that very reason (Forge's per-minute
 * storage units), and a few seconds usually clear it. Short, because this
 * runs on the consumer's last attempt, within its time limit.
 */
export const FAIL_RUN_RETRY_MS = [1_000, 2_000, 4_000] as const;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * After the consumer's last attempt at a failing event: the run ends as
 * failed, with the reason. Retried briefly on storage rate limits; if it
 * still cannot be stored, the readers end the run once it has stalled
 * (src/storage/runs/stalled.ts).
 */
export async function failRun(runId: string, reason: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const run = await loadRun(runId);
      if (run && !isFinished(run.state)) await finish(run, 'failed', reason);
      return;
    } catch (error) {
      const wait = FAIL_RUN_RETRY_MS[attempt];
      if (wait === undefined || !isKvsRateLimited(error)) throw error;
      await pause(wait);
    }
  }
}

function summaryOf(run: StoredRun): string {
  const { done, failed, total } = run.progress;
  return `${done} of ${total} done${failed ? `, ${failed} failed` : ''}.`;
}
