/**
 * Retries for transient HTTP failures: 429 and 5xx answers and network
 * errors (status 0). Honours Retry-After (seconds or an HTTP date), else
 * waits a capped exponential backoff with full jitter. Clock, sleep and
 * randomness are injected so tests run without real waiting.
 */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: string | null,
  ) {
    super(message);
    this.name = 'HttpFailure';
  }
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onRetry?: (info: { target: string; attempt: number; delayMs: number; status: number; reason: string }) => void;
}

/** The longest Retry-After the relay honours. */
export const MAX_RETRY_AFTER_MS = 10 * 60 * 1000;

export const realSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Retry-After as milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function backoffMs(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(policy.random() * ceiling);
}

export async function withRetries<T>(policy: RetryPolicy, target: string, attemptOnce: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (!(error instanceof HttpFailure) || attempt >= policy.maxAttempts) throw error;
      const asked = retryAfterMs(error.retryAfter, policy.now());
      // Retry-After wins over our own backoff (bounded, so a bad header cannot park the relay for hours).
      const delayMs = asked !== undefined ? Math.min(asked, MAX_RETRY_AFTER_MS) : backoffMs(policy, attempt);
      policy.onRetry?.({ target, attempt, delayMs, status: error.status, reason: error.message });
      await policy.sleep(delayMs);
    }
  }
}
