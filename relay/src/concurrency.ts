/**
 * How many Confluence changes the relay runs at once. Starts at the
 * configured limit; a 429 halves it (down to 1) and holds back new starts
 * until the Retry-After has passed, so a throttled site sees fewer calls,
 * not the same number retried. Each run of `limit` changes without a 429
 * gives one slot back, up to the configured limit (additive increase,
 * multiplicative decrease, as TCP does).
 */
export interface GateOptions {
  max: number;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
}

export class ConcurrencyGate {
  private current: number;
  private active = 0;
  private pausedUntil = 0;
  private successesSinceChange = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly o: GateOptions) {
    this.current = o.max;
  }

  /** The number of changes allowed at once right now. */
  get limit(): number {
    return this.current;
  }

  /** Runs `work` once a slot is free (and no Retry-After pause is on). */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.wakeNext();
    }
  }

  /** Confluence answered 429: halve the limit and pause new starts for `retryAfterMs`. */
  throttled(retryAfterMs: number): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.successesSinceChange = 0;
    this.pausedUntil = Math.max(this.pausedUntil, this.o.now() + retryAfterMs);
  }

  /** A change went through without a 429. */
  succeeded(): void {
    this.successesSinceChange += 1;
    if (this.current < this.o.max && this.successesSinceChange >= this.current) {
      this.current += 1;
      this.successesSinceChange = 0;
      this.wakeNext();
    }
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const pauseMs = this.pausedUntil - this.o.now();
      if (pauseMs > 0 && !this.o.signal.aborted) {
        await this.o.sleep(pauseMs, this.o.signal);
        continue;
      }
      if (this.active < this.current) {
        this.active += 1;
        return;
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private wakeNext(): void {
    // Wake everyone waiting: each re-checks the limit, so only as many as fit go on.
    for (const wake of this.waiting.splice(0)) wake();
  }
}
