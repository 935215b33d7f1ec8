/**
 * Script runs in Forge KVS: one value per run (its record), four index
 * keys (site, space, script, person) written with it in one transaction,
 * the cancel request under its own key (so a resolver's cancel and a
 * consumer's progress never overwrite each other), and a scratch area.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { ScriptKey } from '../../contract/scripts';
import { now } from '../../clock';

import { readMany, valueOf, writeMany } from '../kvs-io';
import { cancelKey, indexKeys, indexPrefix, RunIndex, runKey, scratchKey } from './keys';
import { Json, RUN_SCHEMA_VERSION, RunScratch, StoredRun } from './model';

/** Writes a new run and its index entries together: a run is listed exactly when it exists. */
export async function createRun(run: StoredRun): Promise<void> {
  run.progressAt = now();
  let tx = kvs.transact().set(runKey(run.runId), run);
  for (const key of indexKeys(run)) tx = tx.set(key, { runId: run.runId });
  await tx.execute();
}

export async function loadRun(runId: string): Promise<StoredRun | undefined> {
  const run = await kvs.get<StoredRun>(runKey(runId));
  return run && run.schemaVersion === RUN_SCHEMA_VERSION ? run : undefined;
}

/** Stores the run as it is now; the save itself is its progress mark (`progressAt`). */
export async function saveRun(run: StoredRun): Promise<void> {
  run.progressAt = now();
  await kvs.set(runKey(run.runId), run);
}

export async function requestCancel(runId: string, accountId: string, at: string): Promise<void> {
  await kvs.set(cancelKey(runId), { by: accountId, at });
}

export async function isCancelRequested(runId: string): Promise<boolean> {
  return (await kvs.get(cancelKey(runId))) !== undefined;
}

export interface RunFilter {
  spaceKey?: string;
  scriptKey?: ScriptKey;
  accountId?: string;
}

export const RUNS_PAGE_SIZE = 20;
/** Index pages read to fill one answer when filters are combined. */
const MAX_INDEX_PAGES = 5;

/** The most selective index for the filter; the other filters are applied to the records. */
function indexFor(filter: RunFilter): { index: RunIndex; value?: string } {
  if (filter.accountId) return { index: 'person', value: filter.accountId };
  if (filter.scriptKey) return { index: 'script', value: filter.scriptKey };
  if (filter.spaceKey) return { index: 'space', value: filter.spaceKey };
  return { index: 'all' };
}

const matches = (run: StoredRun, filter: RunFilter): boolean =>
  (!filter.spaceKey || run.space.key === filter.spaceKey) &&
  (!filter.scriptKey || run.scriptKey === filter.scriptKey) &&
  (!filter.accountId || run.startedBy.accountId === filter.accountId);

/** Runs newest first, filtered; `cursor` is the index's own KVS cursor. */
export async function listRuns(
  filter: RunFilter,
  cursor?: string,
): Promise<{ runs: StoredRun[]; nextCursor?: string }> {
  const { index, value } = indexFor(filter);
  const runs: StoredRun[] = [];
  let next = cursor;
  for (let pages = 0; pages < MAX_INDEX_PAGES && runs.length < RUNS_PAGE_SIZE; pages++) {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(indexPrefix(index, value)))
      .limit(RUNS_PAGE_SIZE);
    if (next) query = query.cursor(next);
    const page = await query.getMany<{ runId: string }>();
    const records = await readMany(page.results.map((r) => ({ key: runKey(r.value.runId) })));
    for (const r of page.results) {
      const run = valueOf(records, { key: runKey(r.value.runId) }) as StoredRun | undefined;
      if (run && matches(run, filter)) runs.push(run);
    }
    next = page.nextCursor;
    if (!next) break;
  }
  return { runs, nextCursor: next };
}

/** Scratch keys: the script's own names, kept within KVS's key alphabet. */
const SCRATCH_NAME = /^[A-Za-z0-9:._-]{1,200}$/;

function checked(key: string): string {
  if (!SCRATCH_NAME.test(key)) throw new Error(`Scratch key "${key}" must be 1-200 of A-Z a-z 0-9 : . _ -`);
  return key;
}

export function scratchFor(runId: string): RunScratch {
  return {
    async get<T extends Json>(key: string) {
      return (await kvs.get<T>(scratchKey(runId, checked(key)))) ?? undefined;
    },
    async set(key, value) {
      await kvs.set(scratchKey(runId, checked(key)), value);
    },
    async getMany<T extends Json>(keys: readonly string[]) {
      const values = await readMany(keys.map((key) => ({ key: scratchKey(runId, checked(key)) })));
      const out = new Map<string, T>();
      for (const key of keys) {
        const found = valueOf(values, { key: scratchKey(runId, key) });
        if (found !== undefined) out.set(key, found as T);
      }
      return out;
    },
    async setMany(entries) {
      await writeMany(entries.map(({ key, value }) => ({ key: scratchKey(runId, checked(key)), value })));
    },
  };
}
