/**
 * The relay loop: lease a few items, apply each through Confluence, report
 * each result at once (so a relay killed mid-batch loses at most the item in
 * flight, which its lease hands out again), poll with backoff when idle.
 */
import type { ItemResult, ReportAnswer, WorkItem } from '../../src/contract/relay-protocol';
import { AppClient, AppRefusedError } from './app-client';
import { ConfluenceClient, FatalConfluenceError } from './confluence';
import type { Logger } from './log';
import { HttpFailure, retryAfterMs } from './retry';

export interface RelayOptions {
  app: AppClient;
  confluence: ConfluenceClient;
  log: Logger;
  batch: number;
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

export class Relay {
  private readonly stopper = new AbortController();
  readonly summary: RunSummary = { applied: 0, already: 0, failed: 0, deferred: 0, polls: 0 };

  constructor(private readonly o: RelayOptions) {}

  /** Stops after the item in flight (SIGTERM/SIGINT). */
  stop(): void {
    this.stopper.abort();
  }

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  async run(mode: { once: boolean }): Promise<RunSummary> {
    let idleMs = this.o.minPollMs;
    while (!this.stopped) {
      this.summary.polls += 1;
      let lease;
      try {
        lease = await this.o.app.lease(this.o.batch, this.o.leaseSeconds);
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw refusalToStop(error);
        if (mode.once) throw new StopRelay(`Cannot reach the app's web trigger: ${error.message}`, 1);
        this.o.log.error("cannot reach the app's web trigger; trying again later", {
          reason: error.message,
          nextPollMs: this.o.maxPollMs,
        });
        await this.o.sleep(this.o.maxPollMs, this.stopper.signal);
        continue;
      }
      if (lease.items.length === 0) {
        if (mode.once) break;
        this.o.log.debug('nothing queued', { nextPollMs: idleMs });
        await this.o.sleep(idleMs, this.stopper.signal);
        idleMs = Math.min(this.o.maxPollMs, idleMs * 2);
        continue;
      }
      idleMs = this.o.minPollMs;
      const deadline = lease.leaseExpiresAt ? Date.parse(lease.leaseExpiresAt) - LEASE_MARGIN_MS : Infinity;
      this.o.log.info('leased', { items: lease.items.length, more: lease.more, leaseExpiresAt: lease.leaseExpiresAt });
      for (const item of lease.items) {
        if (this.stopped) break;
        if (this.o.now() > deadline) {
          this.o.log.warn('lease nearly over; leaving the rest of the batch for the next lease', {
            itemId: item.itemId,
          });
          break;
        }
        await this.handle(item, deadline);
      }
    }
    this.o.log.info('stopped', { ...this.summary });
    return this.summary;
  }

  private async handle(item: WorkItem, deadline: number): Promise<void> {
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
        return;
      }
      if (error instanceof FatalConfluenceError) {
        if (error.failsItem && item.leaseToken) {
          await this.o.app
            .report([
              {
                itemId: item.itemId,
                leaseToken: item.leaseToken,
                outcome: 'failed',
                message: error.message.slice(0, 500),
              },
            ])
            .catch(() => undefined);
          this.summary.failed += 1;
        }
        this.o.setLastError(error.message);
        throw new StopRelay(error.message, 3);
      }
      throw error;
    }
    const level = result.outcome === 'failed' ? 'warn' : 'info';
    this.o.log[level](
      result.outcome === 'applied' ? 'applied' : result.outcome === 'already' ? 'already in place' : 'failed',
      { ...describe(item), ...(result.message ? { message: result.message } : {}) },
    );
    this.summary[result.outcome] += 1;
    if (!item.leaseToken) return;
    const answer = await this.reportBefore(deadline, {
      itemId: item.itemId,
      leaseToken: item.leaseToken,
      outcome: result.outcome,
      ...(result.message ? { message: result.message.slice(0, 500) } : {}),
    });
    if (!answer) return;
    const status = answer.results[0]?.status;
    if (status === 'expired') {
      this.o.log.warn('the lease ran out before the result arrived; the item will be handed out again', {
        itemId: item.itemId,
      });
    } else if (status !== 'recorded')
      this.o.log.info('result was already recorded', { itemId: item.itemId, status, state: answer.results[0]?.state });
    this.o.setLastError(undefined);
  }

  /**
   * Reports one result, waiting out a busy app (storage throttling answers
   * 503 with Retry-After) for as long as the lease lasts: a leased item left
   * unreported stays "in progress" until its lease runs out, so a --once run
   * would end with its job unfinished.
   */
  private async reportBefore(deadline: number, result: ItemResult): Promise<ReportAnswer | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.o.app.report([result]);
      } catch (error) {
        if (!(error instanceof HttpFailure)) throw refusalToStop(error);
        const waitMs =
          retryAfterMs(error.retryAfter, this.o.now()) ??
          Math.min(this.o.maxPollMs, this.o.minPollMs * 2 ** (attempt - 1));
        if (this.o.now() + waitMs > deadline) {
          // Applied but not recorded: the lease hands it out again and Confluence answers "already in place".
          this.o.log.warn('could not report the result before the lease ends; it will be reported after', {
            itemId: result.itemId,
            reason: error.message,
          });
          return undefined;
        }
        this.o.log.info('the app is busy; reporting the result again', { itemId: result.itemId, waitMs });
        await this.o.sleep(waitMs, this.stopper.signal);
      }
    }
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
