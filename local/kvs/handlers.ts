/** The service's endpoints: path to operation, and whether it reads or writes. */
import { runBatchDelete, runBatchGet, runBatchSet } from './batch';
import type { HandlerResult, KvsContext } from './context';
import { runEntityQuery, runKvsQuery } from './query';
import type { OperationKind } from './rate-limit';
import { runDelete, runGet, runSet } from './single';
import { runTransaction } from './transactions';

export interface Route {
  kind: OperationKind;
  run(ctx: KvsContext, body: unknown, bodyBytes: number): HandlerResult;
}

export const ROUTES: Readonly<Record<string, Route>> = {
  '/api/v1/get': { kind: 'read', run: (ctx, body) => runGet(ctx, 'kv', body) },
  '/api/v1/set': { kind: 'write', run: (ctx, body) => runSet(ctx, 'kv', body) },
  '/api/v1/delete': { kind: 'write', run: (ctx, body) => runDelete(ctx, 'kv', body) },
  '/api/v1/query': {
    kind: 'read',
    run: (ctx, body) => ({ status: 200, json: runKvsQuery(ctx.store, body, ctx.limits) }),
  },
  '/api/v1/batch/get': { kind: 'read', run: runBatchGet },
  '/api/v1/batch/set': { kind: 'write', run: runBatchSet },
  '/api/v1/batch/delete': { kind: 'write', run: runBatchDelete },
  '/api/v1/secret/get': { kind: 'read', run: (ctx, body) => runGet(ctx, 'secret', body) },
  '/api/v1/secret/set': { kind: 'write', run: (ctx, body) => runSet(ctx, 'secret', body) },
  '/api/v1/secret/delete': { kind: 'write', run: (ctx, body) => runDelete(ctx, 'secret', body) },
  '/api/v1/entity/get': { kind: 'read', run: (ctx, body) => runGet(ctx, 'entity', body) },
  '/api/v1/entity/set': { kind: 'write', run: (ctx, body) => runSet(ctx, 'entity', body) },
  '/api/v1/entity/delete': { kind: 'write', run: (ctx, body) => runDelete(ctx, 'entity', body) },
  '/api/v1/entity/query': {
    kind: 'read',
    run: (ctx, body) => ({ status: 200, json: runEntityQuery(ctx.store, ctx.registry, body, ctx.limits) }),
  },
  '/api/v1/transaction': { kind: 'write', run: runTransaction },
};
