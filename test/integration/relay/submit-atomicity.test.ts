import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { createJob, itemsOfJob, newJobId, NewItem, promoted } from '../../../src/storage/permission-jobs/jobs';
import { leaseItems } from '../../../src/storage/permission-jobs/leases';
import {
  ITEM_ENTITY,
  ItemEntity,
  itemKey,
  JOB_ENTITY,
  JobEntity,
  STAGED_GRACE_MS,
} from '../../../src/storage/permission-jobs/model';
import { startHost } from '../../support/local-host';

/**
 * A job of more than 25 items cannot be written in one Forge transaction.
 * Whatever point a submit dies at, either every item of the job runs, or none.
 */
let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());
beforeEach(() => host.kvs.reset());

const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

function items(count: number): NewItem[] {
  return Array.from({ length: count }, (_, i) => ({
    already: false,
    data: {
      action: 'grant',
      spaceKey: 'MKT',
      spaceId: '1001',
      subject: { type: 'group', id: `g-${i}` },
      operation: { key: 'export', target: 'space' },
    },
  }));
}

const job = (count: number): JobEntity => ({
  createdAt: T0,
  data: { submittedBy: 'u-ada', submittedAt: new Date(T0).toISOString(), action: 'grant', itemCount: count },
});

/** What a submit that died after writing its staged items leaves behind (optionally with its job record). */
async function diedAfterStaging(count: number, withJob: boolean): Promise<string> {
  const jobId = newJobId(T0);
  for (let seq = 0; seq < count; seq++) {
    const item: ItemEntity = {
      jobId,
      seq,
      state: 'staged',
      version: 1,
      availableAt: T0,
      data: { ...items(count)[seq]!.data, attempts: 0, leaseTokens: [] },
    };
    await kvs.entity<ItemEntity>(ITEM_ENTITY).set(itemKey(jobId, seq), item);
  }
  if (withJob) await kvs.entity<JobEntity>(JOB_ENTITY).set(jobId, job(count));
  return jobId;
}

async function leaseAll(now: number) {
  const leased = [];
  for (let round = 0; round < 10; round++) {
    const outcome = await leaseItems(now, 25, 600, 'test-relay'); // leases outlive the test's clock jumps
    leased.push(...outcome.items);
    if (!outcome.more && outcome.items.length === 0) break;
  }
  return leased;
}

test('a whole submit of 60 items: every item becomes leasable', async () => {
  const jobId = await createJob(job(60), items(60), T0);
  expect((await itemsOfJob(jobId)).map((i) => i.state)).toEqual(Array(60).fill('pending'));
  expect(await leaseAll(T0 + 1)).toHaveLength(60);
});

test('died before its job record was written: no item ever runs, and the staged items are removed', async () => {
  const jobId = await diedAfterStaging(40, false);
  expect(await leaseAll(T0 + 1)).toHaveLength(0);
  expect(await leaseAll(T0 + STAGED_GRACE_MS + 1)).toHaveLength(0);
  expect(await itemsOfJob(jobId)).toHaveLength(0);
});

test('died while promoting: the next lease after the grace period promotes and hands out every item', async () => {
  const jobId = await diedAfterStaging(40, true);
  // Part-way through promotion: the first 10 made it.
  for (const item of (await itemsOfJob(jobId)).slice(0, 10)) {
    const { key, ...value } = item;
    await kvs.entity<ItemEntity>(ITEM_ENTITY).set(key, promoted(value));
  }
  expect(await leaseAll(T0 + 1)).toHaveLength(10);
  const rest = await leaseAll(T0 + STAGED_GRACE_MS + 1);
  expect(rest).toHaveLength(30);
  expect(new Set(rest.map((i) => i.itemId)).size).toBe(30);
});
