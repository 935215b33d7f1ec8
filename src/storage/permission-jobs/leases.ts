import { randomBytes } from 'node:crypto';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { isKvsConflict } from '../kvs-errors';
import type { ItemResult, WorkItem } from '../../contract/relay-protocol';
import { readMany, valueOf } from '../kvs-io';
import { promoted } from './jobs';
import {
  ITEM_ENTITY,
  ITEM_STATE_INDEX,
  ItemEntity,
  JOB_ENTITY,
  KEPT_LEASE_TOKENS,
  MAX_ATTEMPTS,
  STAGED_GRACE_MS,
} from './model';

/**
 * Leasing and reporting. Every change to an item is a conditional set on its
 * `version`, so two relays (or a relay and its own retry) never both win the
 * same item, and a result is recorded once: the first report of an outcome
 * wins, later reports of the same item are answered `duplicate` and change
 * nothing.
 */

async function setIfVersion(key: string, value: ItemEntity, expected: number): Promise<boolean> {
  try {
    await kvs
      .transact()
      .set(key, value, {
        entityName: ITEM_ENTITY,
        conditions: new Filter<ItemEntity>().and('version', FilterConditions.equalTo(expected)),
      })
      .execute();
    return true;
  } catch (error) {
    if (isKvsConflict(error)) return false;
    throw error;
  }
}

const newLeaseToken = (): string => randomBytes(18).toString('base64url');

function workItem(key: string, item: ItemEntity, leaseToken?: string): WorkItem {
  return {
    itemId: key,
    ...(leaseToken ? { leaseToken } : {}),
    jobId: item.jobId,
    action: item.data.action,
    spaceKey: item.data.spaceKey,
    spaceId: item.data.spaceId,
    subject: { type: item.data.subject.type, id: item.data.subject.id },
    operation: item.data.operation,
    attempt: item.data.attempts,
  };
}

/** Items that may be leased now, oldest first: queued ones and ones whose lease ran out. */
async function available(
  now: number,
  limit: number,
): Promise<{ items: { key: string; value: ItemEntity }[]; more: boolean }> {
  const page = await kvs
    .entity<ItemEntity>(ITEM_ENTITY)
    .query()
    .index(ITEM_STATE_INDEX, { partition: ['pending'] })
    .where(WhereConditions.lessThanEqualTo(now))
    .sort(Sort.ASC)
    .limit(limit)
    .getMany();
  return { items: page.results, more: page.nextCursor !== undefined };
}

export async function peekPending(now: number, max: number): Promise<WorkItem[]> {
  const { items } = await available(now, max);
  return items.map((r) => workItem(r.key, r.value));
}

export interface LeaseOutcome {
  items: WorkItem[];
  leaseExpiresAt: number;
  more: boolean;
}

/**
 * Leases up to `max` items for `leaseSeconds`. An item leased MAX_ATTEMPTS
 * times without a result fails instead: a relay that dies on it every time
 * must not hold the queue forever.
 */
/** Candidates read per lease: more than asked, so items held back behind a prerequisite do not starve the rest. */
const CANDIDATE_WINDOW = 100;

/**
 * The candidates that may go out now, in job order (item keys sort by job,
 * then sequence): an item whose prerequisite is still pending goes only if
 * that prerequisite goes first in the same lease.
 */
async function eligible(
  candidates: { key: string; value: ItemEntity }[],
  max: number,
): Promise<{ key: string; value: ItemEntity }[]> {
  const sorted = [...candidates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const inWindow = new Set(sorted.map((c) => c.key));
  const outside = [
    ...new Set(sorted.map((c) => c.value.data.after).filter((k): k is string => !!k && !inWindow.has(k))),
  ];
  const states = new Map<string, string>();
  if (outside.length) {
    const got = await readMany(outside.map((key) => ({ key, entityName: ITEM_ENTITY })));
    for (const key of outside)
      states.set(key, (valueOf(got, { key, entityName: ITEM_ENTITY }) as ItemEntity | undefined)?.state ?? 'missing');
  }
  const chosen: { key: string; value: ItemEntity }[] = [];
  const chosenKeys = new Set<string>();
  for (const c of sorted) {
    if (chosen.length >= max) break;
    const after = c.value.data.after;
    const ready = !after || chosenKeys.has(after) || (!inWindow.has(after) && states.get(after) !== 'pending');
    if (!ready) continue;
    chosen.push(c);
    chosenKeys.add(c.key);
  }
  return chosen;
}

/**
 * Finishes submits that died part-way (see createJob): a staged item older
 * than any live submit whose job record exists is promoted; one whose job
 * was never written is deleted, so it can never run.
 */
export async function promoteStranded(now: number): Promise<{ promoted: number; deleted: number }> {
  const page = await kvs
    .entity<ItemEntity>(ITEM_ENTITY)
    .query()
    .index(ITEM_STATE_INDEX, { partition: ['staged'] })
    .where(WhereConditions.lessThanEqualTo(now - STAGED_GRACE_MS))
    .limit(CANDIDATE_WINDOW)
    .getMany();
  if (page.results.length === 0) return { promoted: 0, deleted: 0 };
  const jobIds = [...new Set(page.results.map((r) => r.value.jobId))];
  const jobs = await readMany(jobIds.map((key) => ({ key, entityName: JOB_ENTITY })));
  const outcomes = await Promise.all(
    page.results.map(async ({ key, value }) => {
      if (valueOf(jobs, { key: value.jobId, entityName: JOB_ENTITY }) === undefined) {
        await kvs.entity(ITEM_ENTITY).delete(key);
        return 'deleted' as const;
      }
      return (await setIfVersion(key, promoted(value), value.version)) ? ('promoted' as const) : undefined;
    }),
  );
  return {
    promoted: outcomes.filter((o) => o === 'promoted').length,
    deleted: outcomes.filter((o) => o === 'deleted').length,
  };
}

export async function leaseItems(
  now: number,
  max: number,
  leaseSeconds: number,
  relayInstance: string,
): Promise<LeaseOutcome> {
  await promoteStranded(now);
  const leaseUntil = now + leaseSeconds * 1000;
  const window = await available(now, CANDIDATE_WINDOW);
  const candidates = await eligible(window.items, max);
  const more = window.more || window.items.length > candidates.length;
  const claimed = await Promise.all(
    candidates.map(async ({ key, value }): Promise<WorkItem | undefined> => {
      if (value.data.attempts >= MAX_ATTEMPTS) {
        const failed: ItemEntity = {
          ...value,
          state: 'failed',
          version: value.version + 1,
          data: {
            ...value.data,
            leaseUntil: undefined,
            finishedAt: new Date(now).toISOString(),
            message: `Gave up after ${MAX_ATTEMPTS} attempts: the relay leased this change but never reported a result.`,
          },
        };
        await setIfVersion(key, failed, value.version);
        return undefined;
      }
      const token = newLeaseToken();
      const leased: ItemEntity = {
        ...value,
        version: value.version + 1,
        availableAt: leaseUntil,
        data: {
          ...value.data,
          attempts: value.data.attempts + 1,
          leaseTokens: [...value.data.leaseTokens, token].slice(-KEPT_LEASE_TOKENS),
          leaseUntil,
          leasedBy: relayInstance,
        },
      };
      return (await setIfVersion(key, leased, value.version)) ? workItem(key, leased, token) : undefined;
    }),
  );
  const items = claimed.filter((i): i is WorkItem => i !== undefined);
  return { items, leaseExpiresAt: leaseUntil, more: more || candidates.length > items.length };
}

export type ReportStatus = { itemId: string; status: 'recorded' | 'duplicate' | 'unknown'; state?: string };

async function recordOne(result: ItemResult, now: number): Promise<ReportStatus> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await kvs.entity<ItemEntity>(ITEM_ENTITY).get(result.itemId);
    // A token this item never handed out: not this relay's item to report.
    if (!current || !current.data.leaseTokens.includes(result.leaseToken))
      return { itemId: result.itemId, status: 'unknown' };
    if (current.state !== 'pending') return { itemId: result.itemId, status: 'duplicate', state: current.state };
    const done: ItemEntity = {
      ...current,
      state: result.outcome,
      version: current.version + 1,
      data: {
        ...current.data,
        leaseUntil: undefined,
        finishedAt: new Date(now).toISOString(),
        ...(result.message ? { message: result.message } : { message: undefined }),
      },
    };
    if (await setIfVersion(result.itemId, done, current.version))
      return { itemId: result.itemId, status: 'recorded', state: done.state };
  }
  throw new Error(`Item ${result.itemId} kept changing while its result was recorded`);
}

/** Records each result; the same item reported twice in one request is recorded once. */
export async function recordResults(results: ItemResult[], now: number): Promise<ReportStatus[]> {
  const out: ReportStatus[] = [];
  for (const result of results) out.push(await recordOne(result, now));
  return out;
}
