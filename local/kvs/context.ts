/** What every operation handler works with, and how it addresses a stored value. */
import type { EntityRegistry, EntitySchema } from './entities';
import type { KvsLimits } from './limits';
import { validateKey } from './keys';
import { entityNamespace, KV_NAMESPACE, SECRET_NAMESPACE, type KvsStore, type Namespace } from './store';
import { validateValue } from './values';

export interface KvsContext {
  store: KvsStore;
  registry: EntityRegistry;
  limits: KvsLimits;
}

/** The answer of one operation: a status and, unless it is 204, a JSON body. */
export interface HandlerResult {
  status: number;
  json?: unknown;
}

export type Store = 'kv' | 'secret' | 'entity';

/** A validated address: namespace, key and, for entities, the schema. */
export interface Target {
  ns: Namespace;
  key: string;
  entity?: EntitySchema;
}

/** Validates the key (and entity name) of a request addressed to one store. */
export function resolveTarget(ctx: KvsContext, store: Store, key: unknown, entityName: unknown): Target {
  if (store === 'entity') {
    const entity = ctx.registry.resolve(entityName);
    return { ns: entityNamespace(entity.name), key: validateKey(key, 'entity', ctx.limits), entity };
  }
  return { ns: store === 'secret' ? SECRET_NAMESPACE : KV_NAMESPACE, key: validateKey(key, 'kvs', ctx.limits) };
}

/** Batch items and transaction operations: an entityName makes it an entity operation. */
export function resolveItemTarget(ctx: KvsContext, key: unknown, entityName: unknown): Target {
  return resolveTarget(ctx, entityName === undefined ? 'kv' : 'entity', key, entityName);
}

/** Value checks for a write to `target`: size and depth, and the entity schema. */
export function validateWrite(ctx: KvsContext, target: Target, value: unknown): void {
  validateValue(value, ctx.limits);
  if (target.entity) ctx.registry.validateValue(target.entity, value);
}
