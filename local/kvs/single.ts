/** get / set / delete of one value, for plain keys, secrets and entities. */
import { type HandlerResult, type KvsContext, resolveTarget, type Store, validateWrite } from './context';
import { KvsError, KvsErrorCode, keyNotFound } from './errors';
import { parseSetOptions, readMetadataFields, renderRecord } from './options';
import { asObject } from './request';

export function runGet(ctx: KvsContext, store: Store, rawBody: unknown): HandlerResult {
  const body = asObject(rawBody, 'the request');
  const target = resolveTarget(ctx, store, body.key, body.entityName);
  const fields = readMetadataFields(body.options, 'options');
  const record = ctx.store.get(target.ns, target.key);
  if (!record) throw keyNotFound();
  return { status: 200, json: renderRecord(target.key, record, fields) };
}

export function runSet(ctx: KvsContext, store: Store, rawBody: unknown): HandlerResult {
  const body = asObject(rawBody, 'the request');
  const target = resolveTarget(ctx, store, body.key, body.entityName);
  const options = parseSetOptions(body.options);
  validateWrite(ctx, target, body.value);
  if (options.keyPolicy === 'FAIL_IF_EXISTS' && ctx.store.get(target.ns, target.key) !== undefined) {
    throw new KvsError(
      409,
      KvsErrorCode.KEY_CONFLICT,
      `Key '${target.key}' already exists (keyPolicy FAIL_IF_EXISTS).`,
    );
  }
  const { previous, current } = ctx.store.put(target.ns, target.key, body.value, options.ttlMs);
  if (options.returnValue === 'LATEST') {
    return { status: 200, json: renderRecord(target.key, current, options.returnMetadataFields) };
  }
  if (options.returnValue === 'PREVIOUS' && previous) {
    return { status: 200, json: renderRecord(target.key, previous, options.returnMetadataFields) };
  }
  return { status: 204 };
}

export function runDelete(ctx: KvsContext, store: Store, rawBody: unknown): HandlerResult {
  const body = asObject(rawBody, 'the request');
  const target = resolveTarget(ctx, store, body.key, body.entityName);
  if (!ctx.store.delete(target.ns, target.key)) throw keyNotFound();
  return { status: 204 };
}
