import { randomBytes } from 'node:crypto';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { isKvsConflict } from '../kvs-errors';
import type { ItemResult, WorkItem } from '../../contract/relay-protocol';
import { readMany, valueOf } from '../kvs-io';
import { promoted } from './jobs';
import { oldestUnfinishedByTarget, targetKey } from './targets';
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

/**
 * Many conditional sets in one transaction (one storage call for up to 25
 * items; Forge still meters a write unit per item). When any condition
 * fails nothing is written, and each item is tried on its own, so one item
 * another relay won does not cost the others. Answers which keys were written.
 */
async function setAllIfVersion(writes: { key: string; value: ItemEntity; expected: number }[]): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  if (writes.length === 1) {
    const [only] = writes as [{ key: string; value: ItemEntity; expected: number }];
    return (await setIfVersion(only.key, only.value, only.expected)) ? new Set([only.key]) : new Set();
  }
  try {
    const tx = kvs.transact();
    for (const { key, value, expected } of writes)
      tx.set(key, value, {
        entityName: ITEM_ENTITY,
        conditions: new Filter<ItemEntity>().and('version', FilterConditions.equalTo(expected)),
      });
    await tx.execute();
    return new Set(writes.map((w) => w.key));
  } catch (error) {
    if (!isKvsConflict(error)) throw error;
  }
  const won = await Promise.all(writes.map((w) => setIfVersion(w.key, w.value, w.expected)));
  return new Set(writes.filter((_, i) => won[i]).map((w) => w.key));
}

const newLeaseToken = (): string => randomBytes(18).toString('base64url');

function workItem(key: string, item: ItemEntity, leaseToken?: string): WorkItem {
  const data = item.data;
  const common = {
    itemId: key,
    ...(leaseToken ? { leaseToken } : {}),
    jobId: item.jobId,
    spaceKey: data.spaceKey,
    spaceId: data.spaceId,
    subject: { type: data.subject.type, id: data.subject.id },
    attempt: data.attempts,
  };
  if (data.kind === 'role')
    return { kind: 'role', ...common, roleId: data.roleId, ...(data.roleName ? { roleName: data.roleName } : {}) };
  return { kind: 'permission', ...common, action: data.action, operation: data.operation };
}

/**
 * A relay speaking protocol 1 asked for work while role changes wait: it
 * cannot carry them, so it is told to update (UNSUPPORTED_PROTOCOL) rather
 * than being handed only what it understands while the roles wait forever.
 */
export class RelayTooOldError extends Error {
  constructor() {
    super(
      'Space role changes are queued, and this relay speaks protocol 1, which cannot carry them: update the relay.',
    );
    this.name = 'RelayTooOldError';
  }
}

/** What a relay can carry: protocol 1 relays individual permission changes only. */
export type RelayAbility = 'all' | 'permissions-only';

/** Items a relay may be handed: never those meant for another apply path (apply-path.ts). */
const forRelay = (r: { value: ItemEntity }): boolean => (r.value.data.applyBy ?? 'relay') === 'relay';

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
  return { items: page.results.filter(forRelay), more: page.nextCursor !== undefined };
}

function checkAbility(items: { value: ItemEntity }[], ability: RelayAbility): void {
  if (ability === 'permissions-only' && items.some((r) => r.value.data.kind === 'role')) throw new RelayTooOldError();
}

export async function peekPending(now: number, max: number, ability: RelayAbility = 'all'): Promise<WorkItem[]> {
  const { items } = await available(now, max);
  checkAbility(items, ability);
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
 * that prerequisite goes first in the same lease; and an item goes only
 * when it is the oldest unfinished change of its target. So a newer job's
 * change (a revoke) waits for an older one (a grant whose report was lost)
 * to finish, however the older one's leases run out, and is never
 * overtaken by it.
 */
async function eligible(
  candidates: { key: string; value: ItemEntity }[],
  max: number,
): Promise<{ key: string; value: ItemEntity }[]> {
  if (candidates.length === 0) return [];
  const firstOfTarget = await oldestUnfinishedByTarget();
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
    if (!ready || firstOfTarget.get(targetKey(c.value.data)) !== c.key) continue;
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
  ability: RelayAbility = 'all',
): Promise<LeaseOutcome> {
  await promoteStranded(now);
  const leaseUntil = now + leaseSeconds * 1000;
  const window = await available(now, CANDIDATE_WINDOW);
  checkAbility(window.items, ability);
  const candidates = await eligible(window.items, max);
  const more = window.more || window.items.length > candidates.length;
  // Every claim (and every give-up) in one conditional transaction: candidates are at most 25 (MAX_LEASE_ITEMS).
  const claims = candidates.map(({ key, value }) => {
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
      return { key, value: failed, expected: value.version };
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
    return { key, value: leased, expected: value.version, item: workItem(key, leased, token) };
  });
  const written = await setAllIfVersion(claims);
  const items = claims.flatMap((c) => (c.item && written.has(c.key) ? [c.item] : []));
  return { items, leaseExpiresAt: leaseUntil, more: more || candidates.length > items.length };
}

export type ReportStatus = {
  itemId: string;
  status: 'recorded' | 'duplicate' | 'unknown' | 'expired';
  state?: string;
};

type Recorded = { status: ReportStatus; write?: { key: string; value: ItemEntity; expected: number } };

/** What a result does to its item as stored now: a status to answer, and the write that records it, if any. */
function judge(result: ItemResult, current: ItemEntity | undefined, now: number): Recorded {
  // A token this item never handed out: not this relay's item to report.
  if (!current || !current.data.leaseTokens.includes(result.leaseToken))
    return { status: { itemId: result.itemId, status: 'unknown' } };
  if (current.state !== 'pending')
    return { status: { itemId: result.itemId, status: 'duplicate', state: current.state } };
  // Only the current lease, while it runs, may record: a lessee whose lease
  // ran out is refused (the item is, or will be, handed to another relay,
  // whose result must not be overwritten by this late one).
  const latest = current.data.leaseTokens[current.data.leaseTokens.length - 1];
  if (result.leaseToken !== latest || current.data.leaseUntil === undefined || now > current.data.leaseUntil)
    return { status: { itemId: result.itemId, status: 'expired', state: current.state } };
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
  return {
    status: { itemId: result.itemId, status: 'recorded', state: done.state },
    write: { key: result.itemId, value: done, expected: current.version },
  };
}

async function recordOne(result: ItemResult, now: number): Promise<ReportStatus> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await kvs.entity<ItemEntity>(ITEM_ENTITY).get(result.itemId);
    const { status, write } = judge(result, current, now);
    if (!write || (await setIfVersion(write.key, write.value, write.expected))) return status;
  }
  throw new Error(`Item ${result.itemId} kept changing while its result was recorded`);
}

/**
 * Records each result: one batch read of the items and one conditional
 * transaction for all of them (a report holds at most 25). An item that
 * changed in between (another relay's lease) is recorded again on its own.
 * The same item reported twice in one request is recorded once: the first
 * result counts, a repeat answers `duplicate`.
 */
export async function recordResults(results: ItemResult[], now: number): Promise<ReportStatus[]> {
  const firstIndex = new Map<string, number>();
  results.forEach((r, i) => {
    if (!firstIndex.has(r.itemId)) firstIndex.set(r.itemId, i);
  });
  const unique = [...firstIndex.keys()];
  const stored = await readMany(unique.map((key) => ({ key, entityName: ITEM_ENTITY })));
  const judged = new Map<string, Recorded>();
  for (const itemId of unique) {
    const result = results[firstIndex.get(itemId)!]!;
    const current = valueOf(stored, { key: itemId, entityName: ITEM_ENTITY }) as ItemEntity | undefined;
    judged.set(itemId, judge(result, current, now));
  }
  const writes = [...judged.values()].flatMap((j) => (j.write ? [j.write] : []));
  const written = await setAllIfVersion(writes);
  const statuses = new Map<string, ReportStatus>();
  for (const itemId of unique) {
    const j = judged.get(itemId)!;
    statuses.set(
      itemId,
      !j.write || written.has(itemId) ? j.status : await recordOne(results[firstIndex.get(itemId)!]!, now),
    );
  }
  return results.map((r, i) => {
    const status = statuses.get(r.itemId)!;
    if (firstIndex.get(r.itemId) === i) return status;
    // A repeat within the request: the first one decided.
    return status.status === 'recorded' ? { itemId: r.itemId, status: 'duplicate', state: status.state } : status;
  });
}

/** Items failed per call of failPendingPermissionItems: one query page, well inside a web trigger's time. */
const FAIL_BATCH = 100;

/**
 * Fails pending individual-permission items, leased or not, with `message`:
 * once a site is roles-only Confluence refuses every one of them, so each
 * would otherwise stop the relay again (a relay still holding one gets
 * `duplicate` for its late report). Role items are untouched.
 * Answers how many were failed (at most FAIL_BATCH; a later call takes more).
 */
export async function failPendingPermissionItems(now: number, message: string): Promise<number> {
  const page = await kvs
    .entity<ItemEntity>(ITEM_ENTITY)
    .query()
    .index(ITEM_STATE_INDEX, { partition: ['pending'] })
    .where(WhereConditions.greaterThanEqualTo(0))
    .limit(FAIL_BATCH)
    .getMany();
  const failed = await Promise.all(
    page.results
      .filter(({ value }) => value.data.kind !== 'role')
      .map(({ key, value }) =>
        setIfVersion(
          key,
          {
            ...value,
            state: 'failed',
            version: value.version + 1,
            data: { ...value.data, leaseUntil: undefined, finishedAt: new Date(now).toISOString(), message },
          },
          value.version,
        ),
      ),
  );
  return failed.filter(Boolean).length;
}
