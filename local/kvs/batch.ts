/**
 * Batch get / set / delete: up to 25 keys and 4 MB. A request that breaks a
 * batch rule fails whole (400); an item that breaks an item rule lands in
 * `failedKeys` and the others go ahead.
 */
import { type HandlerResult, type KvsContext, resolveItemTarget, type Target, validateWrite } from './context';
import { badRequest, invalidBody, KvsError, KvsErrorCode } from './errors';
import { parseTtlOnlyOptions, readMetadataFields, renderRecord } from './options';
import { isObject } from './request';

type Kind = 'get' | 'set' | 'delete';

interface BatchItem {
  key: unknown;
  entityName: unknown;
  raw: Record<string, unknown>;
}

interface ItemFailure {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

const identity = (item: BatchItem): { key: string; entityName?: string } =>
  typeof item.entityName === 'string'
    ? { key: String(item.key), entityName: item.entityName }
    : { key: String(item.key) };

function readItems(ctx: KvsContext, kind: Kind, rawBody: unknown, bodyBytes: number): BatchItem[] {
  if (!Array.isArray(rawBody)) throw invalidBody(`a batch ${kind} takes an array of items`);
  if (rawBody.length === 0) throw invalidBody(`a batch ${kind} needs at least one item`);
  if (rawBody.length > ctx.limits.maxBatchItems) {
    throw badRequest(
      KvsErrorCode.BATCH_LIMIT_EXCEEDED,
      `A batch operation can contain a maximum of ${ctx.limits.maxBatchItems} keys (got ${rawBody.length}).`,
    );
  }
  if (bodyBytes > ctx.limits.maxBatchPayloadBytes) {
    throw badRequest(
      KvsErrorCode.MAX_SIZE,
      `A batch payload can be at most ${ctx.limits.maxBatchPayloadBytes} bytes (4 MB); this one is ${bodyBytes} bytes.`,
    );
  }
  const seen = new Set<string>();
  return rawBody.map((raw, i) => {
    if (!isObject(raw)) throw invalidBody(`batch item ${i} must be an object`);
    const item: BatchItem = { key: raw.key, entityName: raw.entityName, raw };
    const id = JSON.stringify([item.entityName ?? null, item.key]);
    if (seen.has(id)) {
      throw badRequest(
        KvsErrorCode.DUPLICATE_KEYS,
        `Key '${String(item.key)}'${typeof item.entityName === 'string' ? ` of entity '${item.entityName}'` : ''} appears more than once in the batch.`,
      );
    }
    seen.add(id);
    return item;
  });
}

function runItems(
  ctx: KvsContext,
  items: BatchItem[],
  each: (item: BatchItem, target: Target) => Record<string, unknown> | ItemFailure,
): HandlerResult {
  const successfulKeys: Record<string, unknown>[] = [];
  const failedKeys: ItemFailure[] = [];
  for (const item of items) {
    try {
      const target = resolveItemTarget(ctx, item.key, item.entityName);
      const outcome = each(item, target);
      if ('error' in outcome) failedKeys.push(outcome as ItemFailure);
      else successfulKeys.push(outcome);
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...identity(item), error: { code: error.code, message: error.message } });
    }
  }
  return { status: 200, json: { successfulKeys, failedKeys } };
}

export function runBatchSet(ctx: KvsContext, rawBody: unknown, bodyBytes: number): HandlerResult {
  const items = readItems(ctx, 'set', rawBody, bodyBytes);
  return runItems(ctx, items, (item, target) => {
    const ttlMs = parseTtlOnlyOptions(item.raw.options, 'options');
    validateWrite(ctx, target, item.raw.value);
    ctx.store.put(target.ns, target.key, item.raw.value, ttlMs);
    return identity(item);
  });
}

export function runBatchGet(ctx: KvsContext, rawBody: unknown, bodyBytes: number): HandlerResult {
  const items = readItems(ctx, 'get', rawBody, bodyBytes);
  return runItems(ctx, items, (item, target) => {
    const fields = readMetadataFields(item.raw.options, 'options');
    const record = ctx.store.get(target.ns, target.key);
    if (!record) {
      return { ...identity(item), error: { code: KvsErrorCode.KEY_NOT_FOUND, message: 'Provided key does not exist' } };
    }
    const extra = typeof item.entityName === 'string' ? { entityName: item.entityName } : {};
    return renderRecord(target.key, record, fields, extra);
  });
}

export function runBatchDelete(ctx: KvsContext, rawBody: unknown, bodyBytes: number): HandlerResult {
  const items = readItems(ctx, 'delete', rawBody, bodyBytes);
  return runItems(ctx, items, (item, target) => {
    ctx.store.delete(target.ns, target.key);
    return identity(item);
  });
}
