/**
 * Shared pieces of the scripts' previews: the item list cap, a small
 * parallel map, and the time budget a preview may spend counting inside a
 * resolver (Forge gives a resolver 25 s).
 */
import { PREVIEW_ITEMS_SHOWN, PreviewItem } from '../contract/scripts';
import type { ContentOperation, ScriptContext } from './types';

export { PREVIEW_ITEMS_SHOWN };

/** A preview stops counting after this long and says its total is a lower bound. */
export const PREVIEW_BUDGET_MS = 12_000;
export const PREVIEW_CONCURRENCY = 10;

/** `fn` over `items`, at most `limit` at a time, answers in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/** Collects preview items: keeps the first PREVIEW_ITEMS_SHOWN, counts them all. */
export class PreviewCollector {
  readonly items: PreviewItem[] = [];
  total = 0;
  add(item: PreviewItem): void {
    this.total += 1;
    if (this.items.length < PREVIEW_ITEMS_SHOWN) this.items.push(item);
  }
}

/** Whole days between two instants (floor), for "400 days old". */
export const ageInDays = (createdAt: string | undefined, nowMs: number): number | undefined => {
  if (!createdAt) return undefined;
  const at = Date.parse(createdAt);
  return Number.isFinite(at) ? Math.floor((nowMs - at) / 86_400_000) : undefined;
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Checks the run's user on the items a preview shows (the page each sits
 * on), so the preview says which of them the run would refuse; the total
 * still counts every match (checking all of a large space would not fit a
 * resolver call). Answers the warning to show, if any.
 */
export async function markRefused(
  ctx: ScriptContext,
  items: PreviewItem[],
  operation: ContentOperation,
): Promise<string | undefined> {
  const answers = await mapLimit(items, PREVIEW_CONCURRENCY, (item) =>
    ctx.userMay(item.page?.id ?? item.id, operation),
  );
  let refused = 0;
  answers.forEach((answer, i) => {
    const item = items[i];
    if (!item || answer.allowed) return;
    refused += 1;
    item.action = `none: ${answer.reason}`;
  });
  if (refused === 0) return undefined;
  return `You may not change ${plural(refused, 'item')} of the ${items.length} shown: the run will fail ${refused === 1 ? 'it' : 'them'}, and any others like them.`;
}
