/**
 * Forge async events, below @forge/events: the queue service the SDK's
 * `Queue.push` posts to (`/webhook/queue/publish/…` on remote `stargate`,
 * @forge/events 3.0 `queries.js`), and the platform that later invokes the
 * queue's consumer function in the background, with its time limit, its
 * retries (`retryContext`) and `delayInSeconds`.
 *
 * The emulator only queues and schedules; how a consumer function is run is
 * the host's `dispatch` (local/host/consumer-invoker.ts), so the platform
 * seams stay in one place.
 */
import { randomUUID } from 'node:crypto';
import { readJsonFile, writeJsonFileAtomic } from '../platform/json-file';
import type { EmulatedResponse } from '../platform';
import { EVENTS_PER_MINUTE, MAX_EVENT_CHAIN, MAX_RETRIES } from './limits';
import { accepted, chainLimit, noContent, notFound, ok, rateLimited } from './responses';
import { isRefusal, PushedEvent, validatePush } from './validate';

/** What a consumer function receives (@forge/events `AsyncEvent`). */
export interface DeliveredEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

/** How one delivery ended, as the host reports it. */
export type DeliveryOutcome =
  | { kind: 'ok' }
  /** The function answered an InvocationError (`{_retry: true, retryOptions}`). */
  | { kind: 'retry'; retryAfterSeconds: number; retryReason: string; retryData?: unknown }
  /** The platform ended it: `FUNCTION_TIME_OUT`, or a crash (`FUNCTION_PLATFORM_UNKNOWN_ERROR`). */
  | { kind: 'ended'; retryReason: 'FUNCTION_TIME_OUT' | 'FUNCTION_PLATFORM_UNKNOWN_ERROR' }
  /** The function threw: Forge logs it; the event is not retried unless the function asked for it. */
  | { kind: 'error'; message: string };

export type Dispatch = (event: DeliveredEvent, chain: number) => Promise<DeliveryOutcome>;

interface QueuedEvent {
  event: DeliveredEvent;
  chain: number;
  availableAt: number;
  timer?: NodeJS.Timeout;
}

interface JobCounts {
  queueName: string;
  success: number;
  inProgress: number;
  failed: number;
}

/** One finished delivery, for tests and docs: which event, which attempt, how it ended. */
export interface DeliveryRecord {
  eventId: string;
  jobId: string;
  queueName: string;
  attempt: number;
  outcome: DeliveryOutcome;
}

export interface EventsEmulatorOptions {
  /** The queue's consumer `timeoutSeconds`, or undefined when no consumer reads it. */
  timeoutSecondsOf(queueName: string): number | undefined;
  dispatch: Dispatch;
  /** The event chain depth of the invocation that is pushing (0 outside a consumer). */
  chainOfCaller(): number;
  /**
   * Multiplies every platform delay (`delayInSeconds`, retry back-off).
   * 1 behaves like Forge; tests pass 0 so nothing waits on the wall clock.
   */
  delayScale?: number;
  /**
   * Where queued and in-flight events persist (LOCAL_DATA_DIR), so a run
   * survives a restart of the host as it survives Forge's own restarts.
   * An event that was being consumed when the host stopped is delivered
   * again on start, as a retry (FUNCTION_PLATFORM_UNKNOWN_ERROR).
   */
  dataFile?: string;
}

interface PersistedEvent {
  event: DeliveredEvent;
  chain: number;
  availableAt: number;
}

/** Back-off before the platform retries an event that timed out or crashed (a guess: Forge documents none). */
const PLATFORM_RETRY_SECONDS = 5;

export class EventsEmulator {
  private readonly queued = new Map<string, QueuedEvent>();
  private readonly jobs = new Map<string, JobCounts>();
  private readonly running = new Set<Promise<void>>();
  private readonly runningByConcurrencyKey = new Map<string, number>();
  private readonly pushTimes: number[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly log: DeliveryRecord[] = [];
  private closed = false;
  /** Tests: while held, due events wait in `parked` instead of being delivered. */
  private holding = false;
  private readonly parked: string[] = [];
  private readonly parkWaiters: (() => void)[] = [];

  /** Every event not yet finished (queued, parked or being consumed), by delivery key: what `dataFile` holds. */
  private readonly unfinished = new Map<string, PersistedEvent>();

  constructor(private readonly options: EventsEmulatorOptions) {
    if (!options.dataFile) return;
    const saved = readJsonFile<PersistedEvent[]>(options.dataFile, []);
    for (const { event, chain, availableAt } of saved) {
      const wasRunning = availableAt <= Date.now();
      const retryCount = (event.retryContext?.retryCount ?? 0) + (wasRunning ? 1 : 0);
      const again = wasRunning
        ? {
            ...event,
            retryContext: { retryCount, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', retryData: undefined },
          }
        : event;
      this.enqueue(again, chain, Math.max(0, (availableAt - Date.now()) / 1000));
    }
  }

  private persist(): void {
    if (this.options.dataFile) writeJsonFileAtomic(this.options.dataFile, [...this.unfinished.values()]);
  }

  /** A call from @forge/events through `__forge_fetch__`. */
  async handle(path: string, bodyText: string): Promise<EmulatedResponse> {
    const verb = /^\/webhook\/queue\/(publish|stats|cancel)\//.exec(path)?.[1];
    if (verb === 'publish') return this.publish(bodyText);
    if (verb === 'stats' || verb === 'cancel') {
      const request = safeJson(bodyText);
      const jobId = typeof request?.jobId === 'string' ? request.jobId : '';
      const job = this.jobs.get(jobId);
      if (!job || job.queueName !== request?.queueName) {
        return notFound(`The job ${jobId} was not found for the queue ${String(request?.queueName)}.`);
      }
      if (verb === 'stats') return ok({ success: job.success, inProgress: job.inProgress, failed: job.failed });
      this.cancelJob(jobId);
      return noContent();
    }
    return notFound(`No async events endpoint at ${path}`);
  }

  /** Resolves once nothing is queued or running (events pushed meanwhile included). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Events waiting for delivery (delayed or retried), and deliveries under way. */
  pendingCount(): { queued: number; running: number } {
    return { queued: this.queued.size, running: this.running.size };
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  /** Tests: from now on, due events are parked until released (a deterministic pause between two deliveries). */
  hold(): void {
    this.holding = true;
  }

  /** Resolves once at least one due event is parked. */
  whenParked(): Promise<void> {
    if (this.parked.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.parkWaiters.push(resolve));
  }

  /**
   * Delivers the oldest parked event (the oldest that `match`es, if given;
   * waiting for one if none is) and resolves when that delivery has ended.
   */
  async releaseOne(match: (event: DeliveredEvent) => boolean = () => true): Promise<DeliveryRecord | undefined> {
    const find = () =>
      this.parked.findIndex((k) => {
        const queued = this.queued.get(k);
        return queued !== undefined && match(queued.event);
      });
    while (find() < 0) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => this.parkWaiters.push(resolve));
    }
    const [key] = this.parked.splice(find(), 1);
    if (!key) return undefined;
    const before = this.log.length;
    await this.deliverNow(key);
    return this.log[before];
  }

  /** Stops holding and delivers everything parked. */
  release(): void {
    this.holding = false;
    for (const key of this.parked.splice(0)) this.deliverWhenFree(key);
  }

  /** Drops everything queued; deliveries under way finish on their own. */
  close(): void {
    this.closed = true;
    for (const queued of this.queued.values()) clearTimeout(queued.timer);
    this.queued.clear();
    this.parked.length = 0;
    this.wakeIdle();
  }

  private publish(bodyText: string): EmulatedResponse {
    const push = validatePush(bodyText, (queue) => this.options.timeoutSecondsOf(queue));
    if (isRefusal(push)) return push;
    const now = Date.now();
    while (this.pushTimes.length && this.pushTimes[0]! <= now - 60_000) this.pushTimes.shift();
    if (this.pushTimes.length + push.payload.length > EVENTS_PER_MINUTE) return rateLimited();
    const chain = this.options.chainOfCaller() + 1;
    if (chain > MAX_EVENT_CHAIN) return chainLimit();
    for (let i = 0; i < push.payload.length; i++) this.pushTimes.push(now);
    this.jobs.set(push.jobId, { queueName: push.queueName, success: 0, inProgress: push.payload.length, failed: 0 });
    for (const pushed of push.payload) this.enqueue(this.deliveredFrom(push.queueName, push.jobId, pushed), chain, 0);
    return accepted();
  }

  private deliveredFrom(queueName: string, jobId: string, pushed: PushedEvent): DeliveredEvent {
    return {
      body: pushed.body,
      queueName,
      jobId,
      eventId: randomUUID(),
      ...(pushed.delayInSeconds !== undefined ? { delayInSeconds: pushed.delayInSeconds } : {}),
      ...(pushed.concurrency ? { concurrency: pushed.concurrency } : {}),
    };
  }

  private enqueue(event: DeliveredEvent, chain: number, delaySeconds: number): void {
    if (this.closed) return;
    const waitMs = Math.max(0, delaySeconds * 1000 * (this.options.delayScale ?? 1));
    const queued: QueuedEvent = { event, chain, availableAt: Date.now() + waitMs };
    const key = `${event.eventId}:${event.retryContext?.retryCount ?? 0}`;
    this.queued.set(key, queued);
    this.unfinished.set(key, { event, chain, availableAt: queued.availableAt });
    this.persist();
    queued.timer = setTimeout(() => this.deliverWhenFree(key), waitMs);
  }

  /** Delivers a due event, unless its concurrency key is at its limit (then it waits for a slot). */
  private deliverWhenFree(key: string): void {
    const queued = this.queued.get(key);
    if (!queued || this.closed) return;
    if (this.holding) {
      this.parked.push(key);
      for (const wake of this.parkWaiters.splice(0)) wake();
      return;
    }
    void this.deliverNow(key);
  }

  private deliverNow(key: string): Promise<void> {
    const queued = this.queued.get(key);
    if (!queued || this.closed) return Promise.resolve();
    const concurrency = queued.event.concurrency;
    if (concurrency && (this.runningByConcurrencyKey.get(concurrency.key) ?? 0) >= concurrency.limit) {
      return new Promise((resolve) => {
        queued.timer = setTimeout(() => resolve(this.deliverNow(key)), 10);
      });
    }
    this.queued.delete(key);
    if (concurrency) {
      this.runningByConcurrencyKey.set(concurrency.key, (this.runningByConcurrencyKey.get(concurrency.key) ?? 0) + 1);
    }
    const delivery = this.deliver(queued).finally(() => {
      this.unfinished.delete(key);
      this.persist();
      this.running.delete(delivery);
      if (concurrency) {
        this.runningByConcurrencyKey.set(concurrency.key, (this.runningByConcurrencyKey.get(concurrency.key) ?? 1) - 1);
      }
      this.wakeIdle();
    });
    this.running.add(delivery);
    return delivery;
  }

  private async deliver(queued: QueuedEvent): Promise<void> {
    const { event, chain } = queued;
    const attempt = event.retryContext?.retryCount ?? 0;
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.options.dispatch(event, chain);
    } catch (error) {
      outcome = { kind: 'error', message: (error as Error).message };
    }
    this.log.push({ eventId: event.eventId, jobId: event.jobId, queueName: event.queueName, attempt, outcome });
    const job = this.jobs.get(event.jobId);
    const retry =
      outcome.kind === 'retry'
        ? { seconds: outcome.retryAfterSeconds, reason: outcome.retryReason, data: outcome.retryData }
        : outcome.kind === 'ended'
          ? { seconds: PLATFORM_RETRY_SECONDS, reason: outcome.retryReason, data: undefined }
          : undefined;
    if (retry && attempt < MAX_RETRIES) {
      this.enqueue(
        { ...event, retryContext: { retryCount: attempt + 1, retryReason: retry.reason, retryData: retry.data } },
        chain,
        retry.seconds,
      );
      return;
    }
    if (job) {
      job.inProgress -= 1;
      if (outcome.kind === 'ok') job.success += 1;
      else job.failed += 1;
    }
  }

  private cancelJob(jobId: string): void {
    for (const [key, queued] of this.queued) {
      if (queued.event.jobId !== jobId) continue;
      clearTimeout(queued.timer);
      this.queued.delete(key);
      this.unfinished.delete(key);
      const job = this.jobs.get(jobId);
      if (job) job.inProgress -= 1;
    }
    this.persist();
    this.wakeIdle();
  }

  /** Parked events do not count: a held emulator is idle once nothing else is under way. */
  private isIdle(): boolean {
    return this.queued.size === this.parked.length && this.running.size === 0;
  }

  private wakeIdle(): void {
    if (!this.isIdle()) return;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
