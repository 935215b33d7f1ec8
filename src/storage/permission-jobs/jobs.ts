import { randomBytes } from 'node:crypto';
import { kvs, Sort } from '@forge/kvs';
import { pageWithCursor } from '../refused-cursor';
import { ITEM_ENTITY, ITEM_JOB_INDEX, ItemData, ItemEntity, itemKey, JOB_ENTITY, JobEntity } from './model';

/** Transactions hold at most 25 operations. */
const TX_OPS = 25;
const QUERY_LIMIT = 100;

/** Omit over each member of a union (the built-in Omit would merge an item's two kinds into one). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface NewItem {
  data: OmitEach<ItemData, 'attempts' | 'leaseTokens'>;
  /** Already so at submit time: stored as done, never sent to the relay. */
  already: boolean;
}

export interface StoredItem extends ItemEntity {
  key: string;
}

export interface StoredJob extends JobEntity {
  id: string;
}

/** Job ids sort by submit time (base-36 milliseconds, fixed width) and never collide. */
export const newJobId = (at: number): string => `j${at.toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`;

/**
 * Writes a job and its items so that either all of them run or none does,
 * though Forge transactions hold 25 operations and a job up to 500 items:
 * 1. every item, `staged` (no relay leases a staged item), in transactions of 25;
 * 2. the job record: the commit point, written only once every item is stored;
 * 3. every item promoted to `pending`.
 * A submit that dies before 2 leaves staged items without a job, which
 * `promoteStranded` deletes; one that dies during 3 leaves staged items of
 * an existing job, which `promoteStranded` promotes.
 */
export async function createJob(
  job: JobEntity,
  items: NewItem[],
  at: number,
  jobId: string = newJobId(at),
): Promise<string> {
  const readGrantKey = new Map<string, string>();
  // Role items stand alone: one request sets a subject's whole role.
  items.forEach((item, seq) => {
    const data = item.data;
    if (data.kind === 'role') return;
    const { action, operation, spaceId, subject } = data;
    if (action === 'grant' && !item.already && operation.key === 'read' && operation.target === 'space') {
      readGrantKey.set(`${spaceId} ${subject.type} ${subject.id}`, itemKey(jobId, seq));
    }
  });
  const prerequisite = (data: NewItem['data']): string | undefined =>
    data.kind !== 'role' &&
    data.action === 'grant' &&
    !(data.operation.key === 'read' && data.operation.target === 'space')
      ? readGrantKey.get(`${data.spaceId} ${data.subject.type} ${data.subject.id}`)
      : undefined;
  const entities: [string, ItemEntity][] = items.map((item, seq) => [
    itemKey(jobId, seq),
    {
      jobId,
      seq,
      state: item.already ? 'already' : 'staged',
      version: 1,
      availableAt: at,
      data: {
        ...item.data,
        ...(prerequisite(item.data) && !item.already ? { after: prerequisite(item.data) } : {}),
        attempts: 0,
        leaseTokens: [],
        ...(item.already
          ? { atSubmit: true, finishedAt: new Date(at).toISOString(), message: 'Already so when submitted.' }
          : {}),
      },
    },
  ]);
  await writeItems(entities);
  await kvs.entity<JobEntity>(JOB_ENTITY).set(jobId, job);
  const staged = entities.filter(([, item]) => item.state === 'staged');
  await writeItems(staged.map(([key, item]) => [key, promoted(item)]));
  return jobId;
}

/** The same item, now visible to relays. */
export const promoted = (item: ItemEntity): ItemEntity => ({ ...item, state: 'pending', version: item.version + 1 });

async function writeItems(entities: [string, ItemEntity][]): Promise<void> {
  const batches: [string, ItemEntity][][] = [];
  for (let i = 0; i < entities.length; i += TX_OPS) batches.push(entities.slice(i, i + TX_OPS));
  await Promise.all(
    batches.map((batch) => {
      const tx = kvs.transact();
      for (const [key, value] of batch) tx.set(key, value, { entityName: ITEM_ENTITY });
      return tx.execute();
    }),
  );
}

export async function listJobs(limit: number, cursor?: string): Promise<{ jobs: StoredJob[]; nextCursor?: string }> {
  let query = kvs.entity<JobEntity>(JOB_ENTITY).query().index('createdAt').sort(Sort.DESC).limit(limit);
  if (cursor) query = query.cursor(cursor);
  const page = await pageWithCursor(cursor, 'listPermissionJobs', () => query.getMany());
  return { jobs: page.results.map((r) => ({ id: r.key, ...r.value })), nextCursor: page.nextCursor };
}

/** Every item of a job, in submit order. */
export async function itemsOfJob(jobId: string): Promise<StoredItem[]> {
  const out: StoredItem[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<ItemEntity>(ITEM_ENTITY)
      .query()
      .index(ITEM_JOB_INDEX, { partition: [jobId] })
      .limit(QUERY_LIMIT);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    out.push(...page.results.map((r) => ({ key: r.key, ...r.value })));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
