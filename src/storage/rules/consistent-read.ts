import { META_ENTITY, META_KEY, stagedKey } from './keys';
import { KeyRef, readMany, valueOf } from '../kvs-io';
import type { MetaEntity, StoredValue } from './layout';

/**
 * Reads the meta entity and some rule keys as one consistent version:
 * - a value newer than the meta read with it means a save committed during
 *   the read: read again;
 * - a key the last commit changed but that still carries an older version
 *   has not been rolled forward yet: its committed value is read from where
 *   that save staged it.
 * So no reader ever sees half of a save.
 */
export const LEGACY_V0_KEY = 'space-admin-script-permissions';

export class StorageBusyError extends Error {
  constructor() {
    super('The rules are being saved right now; try again in a moment.');
    this.name = 'StorageBusyError';
  }
}

export interface ConsistentRead {
  meta?: MetaEntity;
  version: number;
  values: Map<string, StoredValue | undefined>;
  /** The version-0 config of an older app version, read only when there is no meta yet. */
  legacy?: unknown;
  /** Keys whose committed value was read from staging (a save is being finished). */
  staleKeys: string[];
}

const MAX_ATTEMPTS = 3;
const META_REF: KeyRef = { key: META_KEY, entityName: META_ENTITY };

export async function readConsistent(
  keys: readonly string[],
  options: { withLegacy?: boolean } = {},
): Promise<ConsistentRead> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const refs: KeyRef[] = [META_REF, ...keys.map((key) => ({ key }))];
    if (options.withLegacy) refs.push({ key: LEGACY_V0_KEY });
    const read = await readMany(refs);
    const meta = valueOf(read, META_REF) as MetaEntity | undefined;
    const version = meta?.version ?? 0;
    const values = new Map<string, StoredValue | undefined>();
    let newer = false;
    for (const key of keys) {
      const value = read.get(key) as StoredValue | undefined;
      if (value && value.v > version) newer = true;
      values.set(key, value);
    }
    if (newer) continue;
    const commit = meta?.state.lastCommit;
    const staleKeys = commit
      ? keys.filter((key) => commit.keys.includes(key) && (values.get(key)?.v ?? -1) < commit.version)
      : [];
    if (commit && staleKeys.length) {
      const staged = await readMany(staleKeys.map((key) => ({ key: stagedKey(commit.version, commit.writer, key) })));
      for (const key of staleKeys) {
        const value = staged.get(stagedKey(commit.version, commit.writer, key)) as StoredValue | undefined;
        if (!value) throw new StorageBusyError();
        values.set(key, value);
      }
    }
    return { meta, version, values, legacy: meta ? undefined : read.get(LEGACY_V0_KEY), staleKeys };
  }
  throw new StorageBusyError();
}
