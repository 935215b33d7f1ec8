/**
 * Which items still have to change each target. Work is ordered per target:
 * see leases.ts (eligible) and the preview (permission-changes/queued-work.ts).
 */
import { kvs } from '@forge/kvs';
import { targetKey } from '../../contract/change-target';
import { ITEM_ENTITY, ITEM_STATE_INDEX, ItemEntity } from './model';

export { targetKey };

const PAGE = 100;

/**
 * For each target with unfinished work (queued or leased), the key of its
 * oldest unfinished item. Item keys sort by job (submit time), then sequence.
 */
export async function oldestUnfinishedByTarget(): Promise<Map<string, string>> {
  const oldest = new Map<string, string>();
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<ItemEntity>(ITEM_ENTITY)
      .query()
      .index(ITEM_STATE_INDEX, { partition: ['pending'] })
      .limit(PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const { key, value } of page.results) {
      const target = targetKey(value.data);
      const first = oldest.get(target);
      if (first === undefined || key < first) oldest.set(target, key);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return oldest;
}
