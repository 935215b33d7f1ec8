import { Script, scriptKeys } from './catalog';
import { RuleTable } from './model';
import { inOrder } from './order';

export interface ReconcileResult {
  table: RuleTable;
  /** Catalog keys the table did not know before, in catalog order (the admin page marks these columns). */
  newScripts: string[];
}

/**
 * Brings a table in line with the catalog. A script new to the table is
 * checked on the Global row and unchecked on every other row; a script gone
 * from the catalog is dropped from every row; `knownScripts` becomes the
 * catalog's keys. Every row's `allowed` ends up in catalog order. Idempotent.
 */
export function reconcileWithCatalog(table: RuleTable, catalog: readonly Script[]): ReconcileResult {
  const keys = scriptKeys(catalog);
  const known = new Set(table.knownScripts);
  const newScripts = keys.filter((k) => !known.has(k));
  const fresh = new Set(newScripts);

  const rows = table.rows.map((row) => {
    const kept = row.allowed.filter((k) => !fresh.has(k));
    const allowed = row.type === 'global' ? [...kept, ...newScripts] : kept;
    return { ...row, allowed: inOrder(allowed, keys) };
  });

  return { table: { enabled: table.enabled, knownScripts: keys, rows }, newScripts };
}
