/** KVS list queries (`/api/v1/query`) and Custom Entity Store index queries (`/api/v1/entity/query`). */
import { compareValues, filtersHold, clauseHolds, parseFilters, parseRange, valuesEqual } from './conditions';
import { decodeCursor, encodeCursor } from './cursor';
import type { EntityRegistry } from './entities';
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { KvsLimits } from './limits';
import { readMetadataFields, renderRecord } from './options';
import { asObject, isObject, oneOf, optionalArray } from './request';
import { entityNamespace, KV_NAMESPACE, type KvsStore } from './store';

export interface QueryPage {
  data: Record<string, unknown>[];
  cursor?: string;
}

function pageLimit(raw: unknown, limits: KvsLimits, tooLarge: () => Error): number {
  if (raw === undefined) return limits.defaultQueryLimit;
  if (typeof raw !== 'number' || !Number.isInteger(raw)) throw invalidBody('limit must be an integer');
  if (raw > limits.maxQueryLimit || raw < 1) throw tooLarge();
  return raw;
}

/** `where` holds at most one clause: BEGINS_WITH on `key`. Returns the prefix. */
function keyPrefix(rawWhere: unknown): string {
  const where = optionalArray(rawWhere, 'where') ?? [];
  if (where.length === 0) return '';
  if (where.length > 1) {
    throw badRequest(KvsErrorCode.QUERY_WHERE_INVALID, 'KVS queries should contain only a single "where" clause.');
  }
  const clause = where[0];
  if (!isObject(clause)) throw invalidBody('where[0] must be an object');
  if (clause.property !== 'key') {
    throw badRequest(
      KvsErrorCode.QUERY_WHERE_FIELD_INVALID,
      `The field ${JSON.stringify(clause.property)} is not supported for filters: KVS queries filter on "key" only.`,
    );
  }
  if (clause.condition !== 'BEGINS_WITH') {
    throw badRequest(
      KvsErrorCode.INVALID_FILTER_CONDITION,
      `The condition ${JSON.stringify(clause.condition)} is not supported for KVS queries: use BEGINS_WITH.`,
    );
  }
  const values = clause.values;
  if (!Array.isArray(values) || values.length !== 1 || !['string', 'number'].includes(typeof values[0])) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, 'BEGINS_WITH takes exactly one string value.');
  }
  return String(values[0]);
}

export function runKvsQuery(store: KvsStore, rawBody: unknown, limits: KvsLimits): QueryPage {
  const body = asObject(rawBody, 'the query');
  const limit = pageLimit(body.limit, limits, () =>
    badRequest(
      KvsErrorCode.LIST_QUERY_LIMIT_EXCEEDED,
      `Limit for list query should be between 1 and ${limits.maxQueryLimit} (got ${String(body.limit)}).`,
    ),
  );
  const prefix = keyPrefix(body.where);
  const after = decodeCursor(body.after, 'after');
  let afterKey: string | undefined;
  if (after !== undefined) {
    if (typeof after.k !== 'string') throw invalidBody('after is not a cursor this store issued');
    afterKey = after.k;
  }
  const fields = readMetadataFields(body.options, 'options');

  const matching = store
    .entries(KV_NAMESPACE)
    .filter(([key]) => key.startsWith(prefix) && (afterKey === undefined || key > afterKey));
  const page = matching.slice(0, limit);
  const result: QueryPage = { data: page.map(([key, record]) => renderRecord(key, record, fields)) };
  if (matching.length > limit) result.cursor = encodeCursor({ k: page[page.length - 1][0] });
  return result;
}

/**
 * An entity index query. As in the store underneath, `limit` counts the index
 * items a page reads before `filters` apply: a page can hold fewer than
 * `limit` results (even none) and still carry a cursor.
 */
export function runEntityQuery(
  store: KvsStore,
  registry: EntityRegistry,
  rawBody: unknown,
  limits: KvsLimits,
): QueryPage {
  const body = asObject(rawBody, 'the query');
  const schema = registry.resolve(body.entityName);
  const index = registry.index(schema, body.indexName);
  const limit = pageLimit(body.limit, limits, () =>
    badRequest(
      KvsErrorCode.COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE,
      `The page limit must be set between 1 and ${limits.maxQueryLimit} (got ${String(body.limit)}).`,
    ),
  );
  const partition = optionalArray(body.partition, 'partition') ?? [];
  if (partition.length !== index.partition.length) {
    throw invalidBody(
      index.partition.length === 0
        ? `index '${index.name}' has no partition; give none`
        : `index '${index.name}' is partitioned by [${index.partition.join(', ')}]; give ${index.partition.length} partition value(s)`,
    );
  }
  const range = parseRange(body.range, index);
  const filters = parseFilters(body.filters, schema, 'filters');
  const sort = oneOf(body.sort, ['ASC', 'DESC'] as const, 'sort') ?? 'ASC';
  const cursor = decodeCursor(body.cursor, 'cursor');
  if (cursor !== undefined && (cursor.e !== schema.name || cursor.i !== index.name || typeof cursor.k !== 'string')) {
    throw invalidBody('cursor was issued for another entity or index');
  }
  const fields = readMetadataFields(body.options, 'options');
  const direction = sort === 'ASC' ? 1 : -1;

  const order = (ra: unknown, ka: string, rb: unknown, kb: string): number =>
    direction * (compareValues(ra, rb) || (ka < kb ? -1 : ka > kb ? 1 : 0));

  const candidates = store
    .entries(entityNamespace(schema.name))
    .map(([key, record]) => ({ key, record, attrs: isObject(record.value) ? record.value : {} }))
    .filter(({ attrs }) => attrs[index.range] !== undefined)
    .filter(({ attrs }) => index.partition.every((attr, i) => valuesEqual(attrs[attr], partition[i])))
    .filter(({ attrs }) => range === undefined || clauseHolds(range, attrs[index.range]))
    .sort((a, b) => order(a.attrs[index.range], a.key, b.attrs[index.range], b.key))
    .filter(
      ({ key, attrs }) => cursor === undefined || order(attrs[index.range], key, cursor.r, cursor.k as string) > 0,
    );

  const window = candidates.slice(0, limit);
  const result: QueryPage = {
    data: window
      .filter(({ record }) => filters === undefined || filtersHold(filters, record.value))
      .map(({ key, record }) => renderRecord(key, record, fields)),
  };
  if (candidates.length > limit) {
    const last = window[window.length - 1];
    result.cursor = encodeCursor({ e: schema.name, i: index.name, r: last.attrs[index.range], k: last.key });
  }
  return result;
}
