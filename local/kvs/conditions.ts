/**
 * Filter clauses of entity queries and of transaction conditions:
 * validation with the documented codes, and evaluation against a stored value.
 */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { EntityIndex, EntitySchema } from './entities';
import { isObject } from './request';

export const FILTER_CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'EQUAL_TO',
  'EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'NOT_EXISTS',
] as const;
export type FilterCondition = (typeof FILTER_CONDITIONS)[number];

/** What an index's range (`where`) may use. */
export const RANGE_CONDITIONS: readonly FilterCondition[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

export type Scalar = string | number | boolean;

export interface Clause {
  condition: FilterCondition;
  values: Scalar[];
}

export interface FilterClause extends Clause {
  property: string;
}

export interface Filters {
  operator: 'and' | 'or';
  clauses: FilterClause[];
}

function parseClause(raw: unknown, allowed: readonly FilterCondition[], what: string): Clause {
  if (!isObject(raw)) throw invalidBody(`${what} must be an object`);
  const condition = raw.condition;
  if (typeof condition !== 'string' || !(allowed as readonly string[]).includes(condition)) {
    throw badRequest(
      KvsErrorCode.INVALID_FILTER_CONDITION,
      `The condition ${JSON.stringify(condition)} is not supported here (${allowed.join(', ')}).`,
    );
  }
  const values = raw.values;
  if (!Array.isArray(values)) {
    throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `${what}.values must be an array.`);
  }
  const wanted = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < wanted) {
    throw condition === 'BETWEEN'
      ? badRequest(KvsErrorCode.INSUFFICIENT_FILTER_VALUES, 'The BETWEEN condition needs two values.')
      : badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `The ${condition} condition needs one value.`);
  }
  if (values.length > wanted) {
    throw badRequest(
      KvsErrorCode.INVALID_FILTER_VALUES,
      `The ${condition} condition takes ${wanted} value${wanted === 1 ? '' : 's'}, got ${values.length}.`,
    );
  }
  for (const value of values) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw badRequest(KvsErrorCode.INVALID_FILTER_VALUES, `Filter values must be strings, numbers or booleans.`);
    }
  }
  return { condition: condition as FilterCondition, values: values as Scalar[] };
}

/** `{and: [...]}` or `{or: [...]}` of clauses on declared attributes; undefined when absent. */
export function parseFilters(raw: unknown, schema: EntitySchema, what: string): Filters | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw invalidBody(`${what} must be an object`);
  const unknownKeys = Object.keys(raw).filter((k) => k !== 'and' && k !== 'or');
  if (unknownKeys.length > 0) throw invalidBody(`${what} may only hold "and" or "or"`);
  const hasAnd = raw.and !== undefined;
  const hasOr = raw.or !== undefined;
  if (hasAnd && hasOr) {
    throw badRequest(
      KvsErrorCode.INVALID_FILTER_OPERATORS_COMBINATION,
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const operator = hasOr ? 'or' : 'and';
  const list = raw[operator];
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    throw badRequest(KvsErrorCode.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty.');
  }
  if (!Array.isArray(list)) throw invalidBody(`${what}.${operator} must be an array`);
  const clauses = list.map((item, i) => {
    const clause = parseClause(item, FILTER_CONDITIONS, `${what}.${operator}[${i}]`);
    const property = (item as Record<string, unknown>).property;
    if (typeof property !== 'string') throw invalidBody(`${what}.${operator}[${i}].property must be a string`);
    if (!schema.attributes.has(property)) {
      throw badRequest(
        KvsErrorCode.INVALID_ENTITY_ATTRIBUTE,
        `Attribute '${property}' is not declared for entity '${schema.name}'.`,
      );
    }
    return { ...clause, property };
  });
  return { operator, clauses };
}

export function parseRange(raw: unknown, index: EntityIndex): Clause | undefined {
  if (raw === undefined) return undefined;
  return parseClause(raw, RANGE_CONDITIONS, `range (index '${index.name}')`);
}

const typeRank = (v: unknown): number =>
  typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3;

/** Total order used for index ranges: numbers, then strings, then booleans, then the rest. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 3) {
    const ja = JSON.stringify(a);
    const jb = JSON.stringify(b);
    return ja < jb ? -1 : ja > jb ? 1 : 0;
  }
  const x = a as number | string | boolean;
  const y = b as number | string | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Ordering comparisons only hold between two numbers or two strings. */
function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}

/** One clause against one attribute value (`undefined` = the attribute is absent). */
export function clauseHolds(clause: Clause, attr: unknown): boolean {
  const [v, w] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return attr !== undefined;
    case 'NOT_EXISTS':
      return attr === undefined;
    case 'EQUAL_TO':
      return attr !== undefined && valuesEqual(attr, v);
    case 'NOT_EQUAL_TO':
      return attr === undefined || !valuesEqual(attr, v);
    case 'GREATER_THAN':
      return comparable(attr, v) && compareValues(attr, v) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return comparable(attr, v) && compareValues(attr, v) >= 0;
    case 'LESS_THAN':
      return comparable(attr, v) && compareValues(attr, v) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return comparable(attr, v) && compareValues(attr, v) <= 0;
    case 'BETWEEN':
      return comparable(attr, v) && comparable(attr, w) && compareValues(attr, v) >= 0 && compareValues(attr, w) <= 0;
    case 'BEGINS_WITH':
      return typeof attr === 'string' && attr.startsWith(String(v));
    case 'CONTAINS':
      return contains(attr, v);
    case 'NOT_CONTAINS':
      return !contains(attr, v);
  }
}

function contains(attr: unknown, v: Scalar): boolean {
  if (typeof attr === 'string') return attr.includes(String(v));
  if (Array.isArray(attr)) return attr.some((item) => valuesEqual(item, v));
  return false;
}

/** Filters against an entity value; an absent entity is one with no attributes. */
export function filtersHold(filters: Filters, value: unknown): boolean {
  const attrs = isObject(value) ? value : {};
  const attrOf = (property: string): unknown =>
    Object.prototype.hasOwnProperty.call(attrs, property) ? attrs[property] : undefined;
  return filters.operator === 'and'
    ? filters.clauses.every((c) => clauseHolds(c, attrOf(c.property)))
    : filters.clauses.some((c) => clauseHolds(c, attrOf(c.property)));
}
