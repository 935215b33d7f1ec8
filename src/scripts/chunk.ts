/**
 * Applies one chunk's items, `concurrency` at a time, and reports each
 * outcome. Cancel is honoured at the next item: every lane asks `stopped()`
 * before it takes an item (a cheap, shared, time-limited re-read of the
 * cancel request), so items already under way finish and no new one starts.
 */
import { RateLimitedError } from '../confluence/paced';
import type { PendingItem } from '../storage/runs/model';
import type { ItemOutcome, JsonObject } from './types';

export interface ChunkResult {
  /** Outcome per item id, for the items that were applied. */
  outcomes: Map<string, ItemOutcome>;
  /** True when cancel stopped the chunk before every item was taken. */
  cancelled: boolean;
  /** Confluence asked for a wait longer than the invocation should sleep. */
  rateLimitedFor?: number;
}

export interface ChunkWork {
  items: readonly PendingItem[];
  concurrency: number;
  apply(item: PendingItem, checkpoint: (state: JsonObject) => Promise<void>): Promise<ItemOutcome>;
  checkpoint(item: PendingItem, state: JsonObject): Promise<void>;
  stopped(): Promise<boolean>;
}

/** Why an item failed when `apply` threw: words a person can act on, never a stack. */
export function reasonOf(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}

export async function applyChunk(work: ChunkWork): Promise<ChunkResult> {
  const outcomes = new Map<string, ItemOutcome>();
  let next = 0;
  let cancelled = false;
  let rateLimitedFor: number | undefined;

  async function lane(): Promise<void> {
    while (next < work.items.length && !cancelled && rateLimitedFor === undefined) {
      if (await work.stopped()) {
        cancelled = true;
        return;
      }
      const item = work.items[next++];
      if (!item) return;
      try {
        outcomes.set(item.id, await work.apply(item, (state) => work.checkpoint(item, state)));
      } catch (error) {
        if (error instanceof RateLimitedError) {
          rateLimitedFor = Math.max(rateLimitedFor ?? 0, error.retryAfterSeconds);
          return;
        }
        outcomes.set(item.id, { status: 'failed', reason: reasonOf(error) });
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(work.concurrency, work.items.length)) }, lane));
  return { outcomes, cancelled, rateLimitedFor };
}

/** A cancel check shared by every lane: at most one storage read per `intervalMs`. */
export function cancelPoller(read: () => Promise<boolean>, intervalMs: number): () => Promise<boolean> {
  let last = 0;
  let answer = false;
  let inFlight: Promise<boolean> | undefined;
  return async () => {
    if (answer) return true;
    if (Date.now() - last < intervalMs) return answer;
    inFlight ??= read().then((value) => {
      answer = value;
      last = Date.now();
      inFlight = undefined;
      return value;
    });
    return inFlight;
  };
}
