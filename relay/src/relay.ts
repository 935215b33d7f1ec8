/**
 * The relay loop: lease up to `batch` items, apply them through Confluence
 * with bounded concurrency (one lane per space and subject, so each
 * subject's changes in a space keep their order), report the lease's
 * results in one signed call, and fetch the next lease while that report is
 * in flight. Polls with backoff when idle. A relay killed mid-lease loses
 * the results of that lease: its lease hands the items out again, and
 * Confluence then answers "already in place".
 */
import type { ItemResult, LeaseAnswer, ReportAnswer, WorkItem } from '../../src/contract/relay-protocol';
import { AppClient, AppRefusedError } from './app-client';
import { ConcurrencyGate } from './concurrency';
import { ConfluenceClient, FatalConfluenceError } from './confluence';
import type { Logger } from './log';
import { HttpFailure, retryAfterMs } from './retry';

export interface RelayOptions {
  app: AppClient;
  confluence: ConfluenceClient;
  log: Logger;
  batch: number;
  /** Confluence changes in flight at once (halved on a 429, see concurrency.ts). */
  concurrency: number;
  leaseSeconds: number;
  minPollMs: number;
  maxPollMs: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  /** Called with the error the app should show as the relay's last error. */
  setLastError: (message: string | undefined) => void;
}

export interface RunSummary {
  applied: number;
  already: number;
  failed: number;
  /** Items whose Confluence calls kept failing (429/5xx/network): left to their lease to come back. */
  deferred: number;
  polls: number;
}

/** Leave this much of a lease unused: an item started later might outlive its lease. */
const LEASE_MARGIN_MS = 5_000;

export class StopRelay extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StopRelay';
  }
}

const describe = (item: WorkItem): Record<string, unknown> => ({
  itemId: item.itemId,
  ...(item.kind === 'role'
    ? { action: item.roleId ? 'assign role' : 'remove role', role: item.roleName ?? item.roleId }
    : { action: item.action, operation: `${item.operation.key}/${item.operation.target}` }),
  space: item.spaceKey,
  subject: `${item.subject.type}:${item.subject.id}`,
  attempt: item.attempt,
});

/**
 * Items that must run one after another: the same subject in the same space.
 * A subject's read/space grant goes before its other grants there and its
 * read/space revoke after its other revokes, in the order the app leased
 * them; other lanes may run alongside.
 */
export function lanesOf(items: readonly WorkItem[]): WorkItem[][] {
  const lanes = new Map<string, WorkItem[]>();
  for (const item of items) {
    const key = `${item.spaceId} ${item.subject.type} ${item.subject.id}`;
    const lane = lanes.get(key);
    if (lane) lane.push(item);
    else lanes.set(key, [item]);
  }
  return [...lanes.values()];
}

/** read/space (and a role, which sets all of them) orders a lane: see phasesOf. */
const isBarrier = (item: WorkItem): boolean =>
  item.kind === 'role' || (item.operation.key === 'read' && item.operation.target === 'space');

/**
 * A lane's items as steps run one after another, each step's items side by
 * side. Only read/space is ordered against a subject's other permissions in
 * a space (Confluence refuses the others before a read/space grant, and a
 * read/space revoke removes them all), so it stands alone as a step; the
 * permissions between two such items touch different targets (the app
 * leases at most one unfinished change per target) and need no order.
 */
export function phasesOf(lane: readonly WorkItem[]): WorkItem[][] {
  const phases: WorkItem[][] = [];
  let open: WorkItem[] = [];
  for (const item of lane) {
    if (!isBarrier(item)) {
      open.push(item);
      continue;
    }
    if (open.length) phases.push(open);
    phases.push([item]);
    open = [];
  }
  if (open.length) phases.push(open);
  return phases;
}

const toResult = (item: WorkItem, outcome: ItemResult['outcome'], message?: string): ItemResult | undefined =>
  item.leaseToken
    ? {
        itemId: item.itemId,
        leaseToken: item.leaseToken,
        outcome,
        ...(message ? { message: message.slice(0, 500) } : {}),
      }
    : undefined;

export class Relay {
  private readonly stopper = new AbortController();
  private readonly gate: ConcurrencyGate;
  readonly summary: RunSummary = { applied: 0, already: 0, failed: 0, deferred: 0, polls: 0 };

  constructor(private readonly o: RelayOptions) {
    this.gate = new ConcurrencyGate({ max: o.concurrency, now: o.now, sleep: o.sleep, signal: this.stopper.signal });
  }

  /** Stops after the items in flight (SIGTERM/SIGINT), reporting their results. */
  stop(): void {
    this.stopper.abort();
  }

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  /** Confluence answered 429 (from the client's retry hook): fewer changes at once. */
  throttled(retryAfterMs: number): void {
    this.gate.throttled(retryAfterMs);
    this.o.log.warn('Confluence is throttling; fewer changes at once', { concurrency: this.gate.limit, retryAfterMs });
  }

  /** The concurrency in force now (for tests and logs). */
  get concurrency(): number {
    return this.gate.limit;
  }

  async run(mode: { once: boolean }): Promise<RunSummary> {
    // At most one report in flight, awaited before the next is sent (and before the run ends).
    let inFlight: Promise<unknown> | undefined;
    const settleReport = async (): Promise<void> => {
      const report = inFlight;
      inFlight = undefined;
      if (report) await report;
    };
    try {
      let idleMs = this.o.minPollMs;
      while (!this.stopped) {
        this.summary.polls += 1;
        const lease = await this.leaseOnce(mode);
        if (lease === 'retry') continue;
        if (lease.items.length === 0) {
          // Our own results still on their way may be what holds the remaining items back.
          if (inFlight) {
            await settleReport();
            continue;
          }
          if (mode.once) break;
          this.o.log.debug('nothing queued', { nextPollMs: idleMs });
          await this.o.sleep(idleMs, this.stopper.signal);
          idleMs = Math.min(this.o.maxPollMs, idleMs * 2);
          continue;
        }
        idleMs = this.o.minPollMs;
        const deadline = lease.leaseExpiresAt ? Date.parse(lease.leaseExpiresAt) - LEASE_MARGIN_MS : Infinity;
        this.o.log.info('leased', {
          items: lease.items.length,
          more: lease.more,
          leaseExpiresAt: lease.leaseExpiresAt,
          concurrency: this.gate.limit,
        });
        const { results, fatal } = await this.applyLease(lease.items, deadline);
        await settleReport();
        if (fatal) {
          if (results.length) await this.reportBefore(deadline, results).catch(() => undefined);
          this.o.setLastError(fatal.message);
          throw new StopRelay(fatal.message, 3);
        }
        if (results.length) {
          const report = this.reportBefore(deadline, results);
          // Handled when awaited; this only keeps Node from calling it unhandled meanwhile.
          report.catch(() => undefined);
          inFlight = report;
        }
      }
      await settleReport();
    } catch (error) {
      await settleReport().catch(() => undefined);
      throw error;
    }
    this.o.log.info('stopped', { ...this.summary });
    return this.summary;
  }

  /** One lease request; 'retry' when the app could not be reached and the loop should poll again. */
  private async leaseOnce(mode: { once: boolean }): Promise<LeaseAnswer | 'retry'> {
    try {
      return await this.o.app.lease(this.o.batch, this.o.leaseSeconds);
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw refusalToStop(error);
      if (mode.once) throw new StopRelay(`Cannot reach the app's web trigger: ${error.message}`, 1);
      this.o.log.error("cannot reach the app's web trigger; trying again later", {
        reason: error.message,
        nextPollMs: this.o.maxPollMs,
      });
      await this.o.sleep(this.o.maxPollMs, this.stopper.signal);
      return 'retry';
    }
  }

  /**
   * Applies a lease's items, lane by lane, at most `concurrency` at once.
   * Stops starting items when the relay is stopped, the lease nears its end,
   * or Confluence refused the account (`fatal`: the caller reports what is
   * done and stops).
   */
  private async applyLease(
    items: readonly WorkItem[],
    deadline: number,
  ): Promise<{ results: ItemResult[]; fatal?: FatalConfluenceError }> {
    const results: ItemResult[] = [];
    const refusals: { item: WorkItem; error: FatalConfluenceError }[] = [];
    let warnedDeadline = false;
    /** One item, once a slot is free; false when the lane should start nothing more. */
    const applyOne = (item: WorkItem): Promise<boolean> =>
      this.gate.run(async () => {
        if (this.stopped || refusals.length) return false;
        if (this.o.now() > deadline) {
          if (!warnedDeadline)
            this.o.log.warn('lease nearly over; leaving the rest of the batch for the next lease', {
              itemId: item.itemId,
            });
          warnedDeadline = true;
          return false;
        }
        try {
          const result = await this.handle(item);
          if (result) results.push(result);
        } catch (error) {
          if (!(error instanceof FatalConfluenceError)) throw error;
          // Every item in flight may hit the same refusal: only the first of them in lease order is
          // reported failed (below); the others stay leased, as when the relay ran one at a time.
          refusals.push({ item, error });
          return false;
        }
        return true;
      });
    const runLane = async (lane: WorkItem[]): Promise<void> => {
      for (const phase of phasesOf(lane)) {
        const went = await Promise.all(phase.map(applyOne));
        if (went.includes(false)) return;
      }
    };
    await Promise.all(lanesOf(items).map(runLane));
    const order = new Map(items.map((item, i) => [item.itemId, i]));
    const first = refusals.sort((a, b) => order.get(a.item.itemId)! - order.get(b.item.itemId)!)[0];
    if (!first) return { results };
    const failed = first.error.failsItem ? toResult(first.item, 'failed', first.error.message) : undefined;
    if (failed) {
      results.push(failed);
      this.summary.failed += 1;
    }
    return { results, fatal: first.error };
  }

  /** Applies one item; its result to report, or undefined when it is left to its lease (or was not leased). */
  private async handle(item: WorkItem): Promise<ItemResult | undefined> {
    let result;
    try {
      result = await this.o.confluence.apply(item);
    } catch (error) {
      if (error instanceof HttpFailure) {
        // Retries are spent: do not guess. The lease runs out and the item comes back.
        this.summary.deferred += 1;
        this.o.log.warn('Confluence kept failing; the item will be retried after its lease', {
          ...describe(item),
          status: error.status,
          reason: error.message,
        });
        this.o.setLastError(`Confluence kept failing (${error.status || 'network'}): ${error.message}`);
        return undefined;
      }
      throw error;
    }
    this.gate.succeeded();
    const level = result.outcome === 'failed' ? 'warn' : 'info';
    this.o.log[level](
      result.outcome === 'applied' ? 'applied' : result.outcome === 'already' ? 'already in place' : 'failed',
      { ...describe(item), ...(result.message ? { message: result.message } : {}) },
    );
    this.summary[result.outcome] += 1;
    return toResult(item, result.outcome, result.message);
  }

  /**
   * Reports a lease's results in one call, waiting out a busy app (storage
   * throttling answers 503 with Retry-After) for as long as the lease lasts:
   * a leased item left unreported stays "in progress" until its lease runs
   * out, so a --once run would end with its job unfinished.
   */
  private async reportBefore(deadline: number, results: ItemResult[]): Promise<ReportAnswer | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.o.app.report(results);
        this.noteAnswer(answer);
        return answer;
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw refusalToStop(error);
        const waitMs =
          retryAfterMs(error.retryAfter, this.o.now()) ??
          Math.min(this.o.maxPollMs, this.o.minPollMs * 2 ** (attempt - 1));
        if (this.o.now() + waitMs > deadline) {
          // Applied but not recorded: the lease hands them out again and Confluence answers "already in place".
          this.o.log.warn('could not report the results before the lease ends; they will be reported after', {
            items: results.length,
            itemIds: results.map((r) => r.itemId),
            reason: error.message,
          });
          return undefined;
        }
        this.o.log.info('the app is busy; reporting the result again', { items: results.length, waitMs });
        await this.o.sleep(waitMs, this.stopper.signal);
      }
    }
  }

  private noteAnswer(answer: ReportAnswer): void {
    for (const { itemId, status, state } of answer.results) {
      if (status === 'expired')
        this.o.log.warn('the lease ran out before the result arrived; the item will be handed out again', { itemId });
      else if (status !== 'recorded') this.o.log.info('result was already recorded', { itemId, status, state });
    }
    this.o.setLastError(undefined);
  }

  /** --dry-run: what would happen to each queued item; leases and changes nothing. */
  async dryRun(max: number): Promise<{ wouldChange: number; already: number }> {
    const { items } = await this.o.app.peek(max);
    let wouldChange = 0;
    let already = 0;
    for (const item of items) {
      let changes: boolean;
      let verb: string;
      if (item.kind === 'role') {
        changes = ((await this.o.confluence.currentRole(item)) ?? null) !== item.roleId;
        verb = item.roleId ? 'would assign the role' : 'would remove the role';
      } else {
        const present = (await this.o.confluence.findAssignment(item)) !== undefined;
        changes = item.action === 'grant' ? !present : present;
        verb = `would ${item.action}`;
      }
      if (changes) wouldChange += 1;
      else already += 1;
      this.o.log.info(changes ? verb : 'already in place', { ...describe(item), dryRun: true });
    }
    this.o.log.info('dry run done', { queued: items.length, wouldChange, already });
    return { wouldChange, already };
  }
}

/** What to tell the admin when the app refuses the relay itself. */
export function refusalToStop(error: unknown): unknown {
  if (!(error instanceof AppRefusedError)) return error;
  const fixes: Record<string, string> = {
    BAD_SIGNATURE:
      "the link secret does not match the app's. It was probably rotated: copy the new secret from the admin page into RELAY_LINK_SECRET.",
    NOT_LINKED: 'the app has no link secret yet: generate one on the admin page (Space permissions > Relay link).',
    STALE: "this host's clock is more than 5 minutes off: enable time sync (NTP), e.g. `timedatectl set-ntp true`.",
    UNSUPPORTED_PROTOCOL: `the app and this relay speak different protocol versions (${error.message}): update the relay: install the relay.mjs that came with the app's update (docs/external-setup.md, step 2).`,
    UNSIGNED_ANSWER:
      'the answer was not signed with the link secret: check RELAY_TRIGGER_URL is the URL on the admin page.',
    REPLAYED:
      'a request was refused as a replay: make sure only one process uses this relay configuration at a time per host clock, then restart.',
  };
  const fix = fixes[error.code] ?? `check RELAY_TRIGGER_URL (the app answered ${error.status} ${error.code}).`;
  return new StopRelay(`The app refused the relay (${error.code}): ${fix}`, 4);
}
