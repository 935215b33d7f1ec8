import { applyChunk, cancelPoller } from '../../../src/scripts/chunk';
import { RateLimitedError } from '../../../src/confluence/paced';
import type { ItemOutcome } from '../../../src/scripts/types';

const items = Array.from({ length: 20 }, (_, i) => ({ id: String(i) }));
const noCheckpoint = async () => undefined;

describe('applyChunk', () => {
  it('applies every item once, at most `concurrency` at a time', async () => {
    let running = 0;
    let peak = 0;
    const seen: string[] = [];
    const result = await applyChunk({
      items,
      concurrency: 4,
      stopped: async () => false,
      checkpoint: noCheckpoint,
      apply: async (item): Promise<ItemOutcome> => {
        running++;
        peak = Math.max(peak, running);
        await Promise.resolve();
        seen.push(item.id);
        running--;
        return { status: 'done' };
      },
    });
    expect(seen.sort()).toEqual(items.map((i) => i.id).sort());
    expect(peak).toBeLessThanOrEqual(4);
    expect(result.outcomes.size).toBe(20);
  });

  it('stops taking items once cancel is seen; items under way finish', async () => {
    let applied = 0;
    const result = await applyChunk({
      items,
      concurrency: 2,
      stopped: async () => applied >= 5,
      checkpoint: noCheckpoint,
      apply: async () => {
        applied++;
        return { status: 'done' };
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.outcomes.size).toBe(applied);
    expect(applied).toBeLessThan(20);
  });

  it('turns a thrown error into that item failing, and a long 429 into a stop with its wait', async () => {
    const result = await applyChunk({
      items: items.slice(0, 3),
      concurrency: 1,
      stopped: async () => false,
      checkpoint: noCheckpoint,
      apply: async (item) => {
        if (item.id === '0') throw new Error('Confluence answered 500');
        if (item.id === '1') throw new RateLimitedError(60);
        return { status: 'done' };
      },
    });
    expect(result.outcomes.get('0')).toEqual({ status: 'failed', reason: 'Confluence answered 500' });
    expect(result.rateLimitedFor).toBe(60);
    expect(result.outcomes.has('2')).toBe(false);
  });
});

describe('cancelPoller', () => {
  it('reads at most once per interval and remembers a cancel', async () => {
    let reads = 0;
    let cancelled = false;
    const poll = cancelPoller(async () => {
      reads++;
      return cancelled;
    }, 60_000);
    expect(await poll()).toBe(false);
    expect(await poll()).toBe(false);
    expect(reads).toBe(1);
    cancelled = true;
    const immediate = cancelPoller(async () => {
      reads++;
      return cancelled;
    }, 0);
    expect(await immediate()).toBe(true);
    expect(await immediate()).toBe(true);
  });
});
