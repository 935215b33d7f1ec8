import { kvs } from '@forge/kvs';

/** Forge's limit on keys per batch call. */
export const BATCH_LIMIT = 25;

export interface KeyRef {
  key: string;
  entityName?: string;
}

const refId = (ref: KeyRef): string => (ref.entityName ? `${ref.entityName}/${ref.key}` : ref.key);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class StorageCallError extends Error {
  constructor(readonly failures: { key: string; code: string; message: string }[]) {
    super(`Forge storage refused ${failures.length} key(s): ${failures[0]?.code} ${failures[0]?.message}`);
    this.name = 'StorageCallError';
  }
}

/**
 * Reads many keys with as few calls as Forge allows: batches of 25, all in
 * parallel (one sequential round trip). Absent keys are simply missing
 * from the answer.
 */
export async function readMany(refs: readonly KeyRef[]): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  const answers = await Promise.all(
    chunks(refs, BATCH_LIMIT).map((batch) => kvs.batchGet<unknown>(batch.map((r) => ({ ...r })))),
  );
  for (const answer of answers) {
    for (const item of answer.successfulKeys)
      values.set(refId({ key: item.key, entityName: item.entityName }), item.value);
    const real = answer.failedKeys.filter((f) => f.error.code !== 'KEY_NOT_FOUND' && f.error.code !== 'NOT_FOUND');
    if (real.length) throw new StorageCallError(real.map((f) => ({ key: f.key, ...f.error })));
  }
  return values;
}

export const valueOf = (values: Map<string, unknown>, ref: KeyRef): unknown => values.get(refId(ref));

/** Writes many plain keys, 25 per call, in parallel; any refused item fails the whole call. */
export async function writeMany(items: { key: string; value: unknown; ttlDays?: number }[]): Promise<void> {
  const answers = await Promise.all(
    chunks(items, BATCH_LIMIT).map((batch) =>
      kvs.batchSet(
        batch.map(({ key, value, ttlDays }) => ({
          key,
          value,
          ...(ttlDays ? { options: { ttl: { value: ttlDays, unit: 'DAYS' as const } } } : {}),
        })),
      ),
    ),
  );
  const failures = answers.flatMap((a) => a.failedKeys.map((f) => ({ key: f.key, ...f.error })));
  if (failures.length) throw new StorageCallError(failures);
}

export async function deleteMany(keys: readonly string[]): Promise<void> {
  await Promise.all(chunks(keys, BATCH_LIMIT).map((batch) => kvs.batchDelete(batch.map((key) => ({ key })))));
}
