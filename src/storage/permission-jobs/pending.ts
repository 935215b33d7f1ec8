import { Sort, WhereConditions, kvs } from '@forge/kvs';
import { ITEM_ENTITY, ITEM_STATE_INDEX, ItemEntity } from './model';

/** When the oldest change still waiting for the relay became available, or undefined when none waits. */
export async function oldestPendingSince(): Promise<number | undefined> {
  const first = await kvs
    .entity<ItemEntity>(ITEM_ENTITY)
    .query()
    .index(ITEM_STATE_INDEX, { partition: ['pending'] })
    .where(WhereConditions.greaterThanEqualTo(0))
    .sort(Sort.ASC)
    .limit(1)
    .getOne();
  return first?.value.availableAt;
}
