/**
 * Transactions: up to 25 operations and 4 MB, each key once, all or nothing.
 * Conditions (`check`, conditional set/delete) exist only for entities.
 * The whole transaction runs inside one turn of the emulator's serial queue,
 * so two transactions that check the same version cannot both commit.
 */
import { filtersHold, parseFilters, type Filters } from './conditions';
import { type HandlerResult, type KvsContext, resolveItemTarget, type Target, validateWrite } from './context';
import { badRequest, invalidBody, KvsError, KvsErrorCode } from './errors';
import { parseTtlOnlyOptions } from './options';
import { asObject, isObject, optionalArray } from './request';

type OperationKind = 'set' | 'delete' | 'check';

interface Operation {
  kind: OperationKind;
  target: Target;
  conditions?: Filters;
  value?: unknown;
  ttlMs?: number;
}

function describe(target: Target): string {
  return target.entity ? `key '${target.key}' of entity '${target.entity.name}'` : `key '${target.key}'`;
}

function parseOperation(ctx: KvsContext, kind: OperationKind, raw: unknown, where: string): Operation {
  if (!isObject(raw)) throw invalidBody(`${where} must be an object`);
  const target = resolveItemTarget(ctx, raw.key, raw.entityName);
  const operation: Operation = { kind, target };
  if (raw.conditions !== undefined || kind === 'check') {
    if (!target.entity) {
      throw invalidBody(
        `${where}: conditions are only supported for the Custom Entity Store; give an entityName (${describe(target)})`,
      );
    }
    if (raw.conditions === undefined) throw invalidBody(`${where}: a check needs conditions`);
    operation.conditions = parseFilters(raw.conditions, target.entity, `${where}.conditions`);
  }
  if (kind === 'set') {
    operation.ttlMs = parseTtlOnlyOptions(raw.options, `${where}.options`);
    validateWrite(ctx, target, raw.value);
    operation.value = raw.value;
  }
  return operation;
}

export function runTransaction(ctx: KvsContext, rawBody: unknown, bodyBytes: number): HandlerResult {
  const body = asObject(rawBody, 'the transaction');
  const groups: [OperationKind, unknown[]][] = [
    ['set', optionalArray(body.set, 'set') ?? []],
    ['delete', optionalArray(body.delete, 'delete') ?? []],
    ['check', optionalArray(body.check, 'check') ?? []],
  ];
  const count = groups.reduce((sum, [, list]) => sum + list.length, 0);
  if (count === 0) throw invalidBody('a transaction needs at least one set, delete or check');
  if (count > ctx.limits.maxTransactionOperations) {
    throw badRequest(
      KvsErrorCode.TRANSACTION_LIMIT_EXCEEDED,
      `Each transaction can contain a maximum of ${ctx.limits.maxTransactionOperations} operations (got ${count}).`,
    );
  }
  if (bodyBytes > ctx.limits.maxTransactionPayloadBytes) {
    throw badRequest(
      KvsErrorCode.MAX_SIZE,
      `Each transaction is limited to a payload of ${ctx.limits.maxTransactionPayloadBytes} bytes (4 MB); this one is ${bodyBytes} bytes.`,
    );
  }

  const operations: Operation[] = [];
  const seen = new Set<string>();
  for (const [kind, list] of groups) {
    list.forEach((raw, i) => {
      const operation = parseOperation(ctx, kind, raw, `${kind}[${i}]`);
      const id = `${operation.target.ns}\u0000${operation.target.key}`;
      if (seen.has(id)) {
        throw badRequest(
          KvsErrorCode.DUPLICATE_KEYS,
          `Each key can only be used once in a transaction: ${describe(operation.target)} appears more than once.`,
        );
      }
      seen.add(id);
      operations.push(operation);
    });
  }

  // Every condition is checked against the state before any write.
  for (const operation of operations) {
    if (!operation.conditions) continue;
    const record = ctx.store.get(operation.target.ns, operation.target.key);
    if (!filtersHold(operation.conditions, record?.value)) {
      throw new KvsError(
        409,
        KvsErrorCode.CONDITIONAL_CHECK_FAILED,
        `Transaction cancelled, nothing was written: the ${operation.kind} conditions on ${describe(operation.target)} are not met.`,
      );
    }
  }

  for (const operation of operations) {
    if (operation.kind === 'set')
      ctx.store.put(operation.target.ns, operation.target.key, operation.value, operation.ttlMs);
    if (operation.kind === 'delete') ctx.store.delete(operation.target.ns, operation.target.key);
  }
  return { status: 204 };
}
