import { Script, scriptKeys } from './catalog';
import { reconcileWithCatalog } from './catalog-sync';
import { Change, diffTables } from './diff';
import { RuleValidationError } from './errors';
import { Row, RowSelector, rowRef, RuleTable } from './model';
import { sortRows } from './order';
import { isRecord, validateRow, validateSelector } from './validate';

export { diffTables } from './diff';
export type { Change } from './diff';
export { RuleValidationError } from './errors';

/** One save: set the toggle, add or replace rows, remove rows. */
export interface ChangeRequest {
  enabled?: boolean;
  /** A row that exists (same type and id) has its name, key and allowed replaced. */
  upsert?: readonly Row[];
  /** Removing a row that does not exist is a no-op. */
  remove?: readonly RowSelector[];
}

export interface ApplyResult {
  table: RuleTable;
  /** diffTables(table as given, result table). */
  changes: Change[];
}

/**
 * Applies a request to a table, all or nothing. The table is first
 * reconciled with the catalog (a no-op for a table read through
 * `readStored`/`migrateStored`); the result's rows are in canonical order.
 * @throws RuleValidationError naming the offending field, with nothing applied.
 */
export function applyChanges(table: RuleTable, request: ChangeRequest, catalog: readonly Script[]): ApplyResult {
  const keys = scriptKeys(catalog);
  const { enabled, upserts, removes } = validateRequest(request, keys);

  const rows = new Map(reconcileWithCatalog(table, catalog).table.rows.map((r) => [rowRef(r.type, r.id), r]));
  for (const sel of removes) rows.delete(rowRef(sel.type, sel.id));
  for (const row of upserts) rows.set(rowRef(row.type, row.id), row);

  const next: RuleTable = {
    enabled: enabled ?? table.enabled,
    knownScripts: keys,
    rows: sortRows([...rows.values()]),
  };
  return { table: next, changes: diffTables(table, next) };
}

interface ValidRequest {
  enabled: boolean | undefined;
  upserts: Row[];
  removes: RowSelector[];
}

function validateRequest(request: unknown, keys: readonly string[]): ValidRequest {
  if (!isRecord(request)) throw new RuleValidationError('', 'The change request must be an object');

  const enabled = request.enabled;
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw new RuleValidationError('enabled', 'enabled must be true or false');
  }

  const upserts = listOf(request.upsert, 'upsert').map((raw, i) => validateRow(raw, `upsert[${i}]`, keys));
  const upserted = new Map<string, number>();
  upserts.forEach((row, i) => {
    const ref = rowRef(row.type, row.id);
    const first = upserted.get(ref);
    if (first !== undefined) {
      throw new RuleValidationError(
        `upsert[${i}].id`,
        `upsert[${i}] repeats row ${ref} (already at upsert[${first}]); send each row once`,
      );
    }
    upserted.set(ref, i);
  });

  const removes = listOf(request.remove, 'remove').map((raw, j) => validateSelector(raw, `remove[${j}]`));
  const removed = new Map<string, number>();
  removes.forEach((sel, j) => {
    const ref = rowRef(sel.type, sel.id);
    if (sel.type === 'global') {
      throw new RuleValidationError(
        `remove[${j}].type`,
        `remove[${j}]: the Global row cannot be removed; uncheck its scripts instead`,
      );
    }
    const first = removed.get(ref);
    if (first !== undefined) {
      throw new RuleValidationError(
        `remove[${j}].id`,
        `remove[${j}] repeats row ${ref} (already at remove[${first}]); send each row once`,
      );
    }
    const up = upserted.get(ref);
    if (up !== undefined) {
      throw new RuleValidationError(
        `remove[${j}].id`,
        `remove[${j}] removes row ${ref}, which upsert[${up}] also changes; do one or the other`,
      );
    }
    removed.set(ref, j);
  });

  return { enabled, upserts, removes };
}

function listOf(value: unknown, field: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RuleValidationError(field, `${field} must be a list`);
  return value;
}
