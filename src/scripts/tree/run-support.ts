/**
 * Small pieces the three tree scripts share while they run: a bounded
 * parallel map (Confluence's rate limits are per app and site), and a run's
 * work list kept in its scratch space in pages, so that a 2,000-page tree is
 * read once, before anything changes, and handed out chunk by chunk.
 */
import type { Json, JsonObject, RunScratch, WorkItem } from '../types';

/** `fn` over `items`, at most `limit` at once, answers in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++;
      out[at] = await fn(items[at]!, at);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Scratch writes go 25 keys at a time (Forge KVS batch limit). */
const KEYS_PER_WRITE = 25;

/** Stores `items` as pages of `pageSize` under `<prefix>:<n>`; answers how many pages. */
export async function saveItemPages(
  scratch: RunScratch,
  prefix: string,
  items: readonly WorkItem[],
  pageSize: number,
): Promise<number> {
  const entries: { key: string; value: Json }[] = [];
  for (let start = 0, n = 0; start < items.length; start += pageSize, n++) {
    entries.push({ key: `${prefix}:${n}`, value: items.slice(start, start + pageSize) as unknown as Json });
  }
  for (let i = 0; i < entries.length; i += KEYS_PER_WRITE) await scratch.setMany(entries.slice(i, i + KEYS_PER_WRITE));
  return entries.length;
}

export async function loadItemPage(scratch: RunScratch, prefix: string, n: number): Promise<WorkItem[]> {
  return ((await scratch.get<Json>(`${prefix}:${n}`)) ?? []) as unknown as WorkItem[];
}

/** The cursor of a paged work list: which page comes next, out of how many. */
export interface ListCursor extends JsonObject {
  page: number;
  pages: number;
}

/** Hands out page `cursor.page` and says where to go on. */
export async function nextItemPage(scratch: RunScratch, prefix: string, cursor: ListCursor) {
  const items = await loadItemPage(scratch, prefix, cursor.page);
  const next: ListCursor | undefined =
    cursor.page + 1 < cursor.pages ? { page: cursor.page + 1, pages: cursor.pages } : undefined;
  return { items, next };
}

export function needScratch(scratch: RunScratch | undefined): RunScratch {
  if (!scratch) throw new Error('This step runs only inside a run (no scratch space in a preview).');
  return scratch;
}
