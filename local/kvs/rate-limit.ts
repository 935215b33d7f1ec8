/**
 * Per-installation rate limits ("KVS and Custom Entity Store limits"):
 * requests per second, and read/write request units per minute where a
 * request counts one unit per started 10 KB. Sliding windows on the
 * emulator's clock; a refused request is not counted.
 */
import { KvsError, KvsErrorCode } from './errors';
import type { KvsLimits } from './limits';

export type OperationKind = 'read' | 'write';

/** A sliding window of (time, amount) entries. */
class SlidingWindow {
  private times: number[] = [];
  private amounts: number[] = [];
  private head = 0;
  private total = 0;

  constructor(private readonly spanMs: number) {}

  private expire(now: number): void {
    while (this.head < this.times.length && this.times[this.head] <= now - this.spanMs) {
      this.total -= this.amounts[this.head];
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.amounts = this.amounts.slice(this.head);
      this.head = 0;
    }
  }

  used(now: number): number {
    this.expire(now);
    return this.total;
  }

  add(now: number, amount: number): void {
    this.times.push(now);
    this.amounts.push(amount);
    this.total += amount;
  }

  clear(): void {
    this.times = [];
    this.amounts = [];
    this.head = 0;
    this.total = 0;
  }
}

export class RateLimiter {
  private readonly perSecond = new SlidingWindow(1_000);
  private readonly reads = new SlidingWindow(60_000);
  private readonly writes = new SlidingWindow(60_000);

  constructor(
    private readonly limits: KvsLimits,
    private readonly now: () => number,
  ) {}

  /** Counts the request, or throws 429 RATE_LIMIT_EXCEEDED without counting it. */
  admit(kind: OperationKind, requestBytes: number): void {
    const at = this.now();
    const units = Math.max(1, Math.ceil(requestBytes / Math.max(1, this.limits.requestUnitBytes)));
    if (this.perSecond.used(at) + 1 > this.limits.requestsPerSecond) {
      throw new KvsError(
        429,
        KvsErrorCode.RATE_LIMIT_EXCEEDED,
        `Rate limit exceeded: more than ${this.limits.requestsPerSecond} KVS requests in one second for this installation.`,
      );
    }
    const window = kind === 'read' ? this.reads : this.writes;
    const limit = kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
    if (window.used(at) + units > limit) {
      throw new KvsError(
        429,
        KvsErrorCode.RATE_LIMIT_EXCEEDED,
        `Rate limit exceeded: more than ${limit} ${kind} units (10 KB each) in one minute for this installation.`,
      );
    }
    this.perSecond.add(at, 1);
    window.add(at, units);
  }

  reset(): void {
    this.perSecond.clear();
    this.reads.clear();
    this.writes.clear();
  }
}
