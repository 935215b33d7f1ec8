import { randomUUID } from 'node:crypto';
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { Change, migrateV0, reconcileWithCatalog, Row, RuleTable, Script, SCRIPT_CATALOG, sortRows } from '../../rules';
import { auditEntryFor, AuditEntry } from './audit-log';
import { LEGACY_V0_KEY, readConsistent } from './consistent-read';
import { allDecisionKeys, allTableChunkKeys, decisionKeyFor, META_ENTITY, META_KEY, stagedKey } from './keys';
import { deleteMany, readMany, writeMany } from '../kvs-io';
import { isKvsConflict } from '../kvs-errors';
import {
  decisionRow,
  decodeChunkRows,
  DecisionBucket,
  emptyValueFor,
  encodeTable,
  globalRowOf,
  MetaEntity,
  MetaState,
  metaStateFor,
  sameContent,
  StoredValue,
  TableChunk,
} from './layout';

/** The whole table as the admin page edits it. */
export interface LoadedTable {
  version: number;
  table: RuleTable;
  /** Catalog scripts the stored table did not know yet: the admin page marks their columns. */
  newScripts: string[];
  updatedAt?: string;
  updatedBy?: string;
}

/** What one decision needs: the toggle and just the rows that can decide it. */
export interface DecisionRows {
  version: number;
  enabled: boolean;
  rows: Row[];
}

export class VersionConflictError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly updatedBy?: string,
    readonly updatedAt?: string,
  ) {
    super(`The rules were changed by someone else (now version ${currentVersion})`);
    this.name = 'VersionConflictError';
  }
}

/** Staged values outlive any save by far; they are deleted once rolled forward. */
const STAGED_TTL_DAYS = 30;

function tableFromStorage(
  meta: MetaEntity | undefined,
  chunks: Map<string, StoredValue | undefined>,
  legacy: unknown,
  catalog: readonly Script[],
) {
  if (!meta) {
    // Nothing saved in this layout yet: an older app version's deny list, or the first-use table.
    const base = legacy !== undefined ? migrateV0(legacy as Record<string, unknown>, catalog) : undefined;
    const { table, newScripts } = reconcileWithCatalog(
      base ?? {
        enabled: false,
        knownScripts: [],
        rows: [{ type: 'global', id: 'global', name: 'Global', allowed: [] }],
      },
      catalog,
    );
    return { table, newScripts: base ? newScripts : [] };
  }
  const rows: Row[] = [globalRowOf(meta.state)];
  for (const value of chunks.values())
    rows.push(...decodeChunkRows(value as TableChunk | undefined, meta.state.knownScripts));
  return reconcileWithCatalog(
    { enabled: meta.state.enabled, knownScripts: meta.state.knownScripts, rows: sortRows(rows) },
    catalog,
  );
}

async function readTable(catalog: readonly Script[]): Promise<{ loaded: LoadedTable; meta?: MetaEntity }> {
  const read = await readConsistent(allTableChunkKeys(), { withLegacy: true });
  const { table, newScripts } = tableFromStorage(read.meta, read.values, read.legacy, catalog);
  const loaded: LoadedTable = {
    version: read.version,
    table,
    newScripts,
    updatedAt: read.meta?.state.updatedAt,
    updatedBy: read.meta?.state.updatedBy,
  };
  return { loaded, meta: read.meta };
}

/** Reads the whole table: the meta entity and 64 chunks, in one round of parallel batch reads. */
export async function loadTable(catalog: readonly Script[] = SCRIPT_CATALOG): Promise<LoadedTable> {
  return (await readTable(catalog)).loaded;
}

/**
 * Reads what deciding for one user in one space needs, in ONE batch call
 * whatever the table's size: meta, the user's bucket, the space's bucket,
 * and the (at most 16) buckets of the user's groups.
 */
export async function loadDecisionRows(
  accountId: string,
  spaceId: string,
  groupIds: readonly string[],
  catalog: readonly Script[] = SCRIPT_CATALOG,
): Promise<DecisionRows> {
  const groupBuckets = [...new Set(groupIds.map((id) => decisionKeyFor('group', id)))];
  const userKey = decisionKeyFor('user', accountId);
  const spaceKey = decisionKeyFor('space', spaceId);
  const read = await readConsistent([userKey, spaceKey, ...groupBuckets], { withLegacy: true });
  if (!read.meta) {
    const { table } = tableFromStorage(undefined, new Map(), read.legacy, catalog);
    return { version: 0, enabled: table.enabled, rows: table.rows };
  }
  const scripts = read.meta.state.knownScripts;
  const bucket = (key: string) => read.values.get(key) as DecisionBucket | undefined;
  const rows: Row[] = [globalRowOf(read.meta.state)];
  const add = (row: Row | undefined) => row && rows.push(row);
  add(decisionRow(bucket(userKey), 'user', accountId, scripts));
  add(decisionRow(bucket(spaceKey), 'space', spaceId, scripts));
  for (const id of new Set(groupIds)) {
    add(decisionRow(bucket(decisionKeyFor('group', id)), 'group', id, scripts));
  }
  const { table } = reconcileWithCatalog({ enabled: read.meta.state.enabled, knownScripts: scripts, rows }, catalog);
  return { version: read.version, enabled: table.enabled, rows: table.rows };
}

/** Copies the last commit's staged values to their live keys (idempotent), then drops the staging. */
async function rollForward(meta: MetaEntity): Promise<void> {
  const commit = meta.state.lastCommit;
  if (!commit) return;
  const live = await readMany(commit.keys.map((key) => ({ key })));
  const stale = commit.keys.filter((key) => ((live.get(key) as StoredValue | undefined)?.v ?? -1) < commit.version);
  if (stale.length === 0) return;
  const staged = await readMany(stale.map((key) => ({ key: stagedKey(commit.version, commit.writer, key) })));
  const writes = stale.flatMap((key) => {
    const value = staged.get(stagedKey(commit.version, commit.writer, key));
    return value === undefined ? [] : [{ key, value }];
  });
  await writeMany(writes);
  await deleteMany(stale.map((key) => stagedKey(commit.version, commit.writer, key))).catch(() => undefined);
}

/** The condition that makes a commit refuse a stale version. */
function versionCondition(version: number) {
  return version === 0
    ? new Filter<{ version: number }>().and('version', FilterConditions.notExists())
    : new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));
}

export interface SaveRequest {
  expectedVersion: number;
  /** Builds the next table from the current one; may throw (nothing is written). */
  change: (current: LoadedTable) => { table: RuleTable; changes: Change[] };
  accountId: string;
  source: AuditEntry['source'];
  now?: Date;
  /** The script catalog (the app's own by default). */
  catalog?: readonly Script[];
}

export interface SaveResult {
  version: number;
  table: RuleTable;
  changes: Change[];
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * Saves atomically against a version:
 * 1. stage every changed chunk and bucket under keys only this save knows;
 * 2. commit in one transaction: the meta entity, on the condition that its
 *    version is still the expected one, plus the audit entry;
 * 3. roll the staged values forward to their live keys.
 * A stale save fails at 1 or 2 and changes nothing; readers between 2 and 3
 * read the staged values (see consistent-read.ts).
 */
export async function saveTable(request: SaveRequest): Promise<SaveResult> {
  const { loaded: current, meta } = await readTable(request.catalog ?? SCRIPT_CATALOG);
  // A save that committed but died before rolling forward is finished first,
  // so this commit's record never hides keys that are still stale.
  if (meta) await rollForward(meta);
  if (current.version !== request.expectedVersion) {
    throw new VersionConflictError(current.version, current.updatedBy, current.updatedAt);
  }
  const { table, changes } = request.change(current);
  if (changes.length === 0 && current.version > 0) {
    return {
      version: current.version,
      table: current.table,
      changes,
      updatedAt: current.updatedAt,
      updatedBy: current.updatedBy,
    };
  }

  const nextVersion = current.version + 1;
  const before = current.version === 0 ? new Map<string, StoredValue>() : encodeTable(current.table);
  const after = encodeTable(table);
  const rewriteAll = current.version === 0 || current.table.knownScripts.join() !== table.knownScripts.join();
  const keys = [...allTableChunkKeys(), ...allDecisionKeys()].filter((key) =>
    rewriteAll ? after.has(key) : !sameContent(before.get(key), after.get(key)),
  );
  const writer = randomUUID().replace(/-/g, '').slice(0, 16);
  const stamped = keys.map((key) => ({ key, value: { ...(after.get(key) ?? emptyValueFor(key)), v: nextVersion } }));
  await writeMany(
    stamped.map(({ key, value }) => ({ key: stagedKey(nextVersion, writer, key), value, ttlDays: STAGED_TTL_DAYS })),
  );

  const at = (request.now ?? new Date()).toISOString();
  const state: MetaState = {
    ...metaStateFor(table),
    updatedAt: at,
    updatedBy: request.accountId,
    lastCommit: { version: nextVersion, writer, keys },
  };
  const audit = auditEntryFor(nextVersion, request.accountId, at, changes, request.source);
  try {
    await kvs
      .transact()
      .set(
        META_KEY,
        { version: nextVersion, state },
        { entityName: META_ENTITY, conditions: versionCondition(current.version) },
      )
      .set(audit.key, audit.value)
      .execute();
  } catch (error) {
    await deleteMany(stamped.map(({ key }) => stagedKey(nextVersion, writer, key))).catch(() => undefined);
    if (isKvsConflict(error)) {
      const now = await loadTable(request.catalog ?? SCRIPT_CATALOG);
      throw new VersionConflictError(now.version, now.updatedBy, now.updatedAt);
    }
    throw error;
  }
  await writeMany(stamped);
  await deleteMany(stamped.map(({ key }) => stagedKey(nextVersion, writer, key))).catch(() => undefined);
  return { version: nextVersion, table, changes, updatedAt: at, updatedBy: request.accountId };
}

export { LEGACY_V0_KEY };
