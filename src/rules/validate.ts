import { RuleValidationError } from './errors';
import { GLOBAL_ROW_ID, Row, RowSelector } from './model';
import { inOrder } from './order';
import { parseAt, ParseResult, RowSchema, RowSelectorSchema } from './schemas';

/*
 * What a row's shape cannot say: the rules that need the catalog (which
 * script keys exist) or the Global row's identity. The shape itself (types,
 * lengths, safe text) is RowSchema's, the same one the payloads use.
 */

function parsed<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new RuleValidationError(result.field, result.message);
  return result.data;
}

/**
 * Checks one row and returns it normalised (`allowed` deduplicated and in
 * `scriptOrder`).
 * @param field path of the row in the request or file, e.g. `upsert[3]`.
 * @param scriptOrder the script keys a row may use, in column order.
 * @throws RuleValidationError naming the offending field.
 */
export function validateRow(raw: unknown, field: string, scriptOrder: readonly string[]): Row {
  const row = parsed(parseAt(RowSchema, raw, field));
  checkIdentity(row, field);
  if (row.key !== undefined && row.type !== 'space') {
    throw new RuleValidationError(
      `${field}.key`,
      `${field}.key: only space rows carry a space key; remove it from this ${row.type} row`,
    );
  }
  const known = new Set(scriptOrder);
  row.allowed.forEach((k, j) => {
    if (!known.has(k)) {
      throw new RuleValidationError(
        `${field}.allowed[${j}]`,
        `${field}.allowed[${j}] is ${JSON.stringify(k)}, which is not a known script; known scripts are: ${scriptOrder.join(', ')}`,
      );
    }
  });
  const allowed = inOrder(row.allowed, scriptOrder);
  return row.key === undefined
    ? { type: row.type, id: row.id, name: row.name, allowed }
    : { type: row.type, id: row.id, name: row.name, key: row.key, allowed };
}

/** Checks a row's identity: a known type and a usable id, and that the Global row keeps its type and id. */
export function validateSelector(raw: unknown, field: string): RowSelector {
  const selector = parsed(parseAt(RowSelectorSchema, raw, field));
  checkIdentity(selector, field);
  return selector;
}

function checkIdentity({ type, id }: RowSelector, field: string): void {
  if (type === 'global' && id !== GLOBAL_ROW_ID) {
    throw new RuleValidationError(
      `${field}.id`,
      `${field}.id: there is exactly one Global row and its id is "${GLOBAL_ROW_ID}"`,
    );
  }
  if (type !== 'global' && id === GLOBAL_ROW_ID) {
    throw new RuleValidationError(
      `${field}.type`,
      `${field}.type: "${GLOBAL_ROW_ID}" is the Global row, which cannot change type; use type "global"`,
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
