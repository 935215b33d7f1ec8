import { Script } from './catalog';
import { reconcileWithCatalog } from './catalog-sync';
import { RuleValidationError } from './errors';
import { LIMITS } from './limits';
import { copyRow, GLOBAL_ROW_ID, Row, rowRef, RuleTable } from './model';
import { sortRows } from './order';
import { EXPORT_FORMAT, ExportFile, parsePayload } from './schemas';
import { validateRow } from './validate';

export const EXPORT_SCHEMA_VERSION = 1;

/**
 * The table as an export file. `exportedAt` is passed in (an ISO 8601
 * string) to keep this pure. Rows are written in canonical order.
 */
export function exportTable(table: RuleTable, exportedAt: string): ExportFile {
  return {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt,
    enabled: table.enabled,
    scripts: [...table.knownScripts],
    rows: sortRows(table.rows).map(copyRow),
  };
}

/**
 * Reads a current-format export file into a table reconciled with the
 * catalog: scripts the file does not list are new (checked on Global only),
 * scripts the catalog no longer has are dropped.
 * @throws RuleValidationError naming the field.
 */
export function importExportFile(data: unknown, catalog: readonly Script[]): RuleTable {
  const parsed = parsePayload(ExportFile, data);
  if (!parsed.ok) throw new RuleValidationError(parsed.field, parsed.message);
  const file = parsed.data;
  const scripts = [...new Set(file.scripts)];
  const rows = tableRows(file.rows, 'rows', scripts);
  return reconcileWithCatalog({ enabled: file.enabled, knownScripts: scripts, rows }, catalog).table;
}

/**
 * Checks a whole table's rows (each row, no duplicates, exactly one Global
 * row) and returns them normalised in canonical order.
 */
export function tableRows(raw: readonly unknown[], field: string, scripts: readonly string[]): Row[] {
  checkTableRowCount(raw.length, field);
  const seen = new Map<string, number>();
  const rows = raw.map((r, i) => {
    const row = validateRow(r, `${field}[${i}]`, scripts);
    const ref = rowRef(row.type, row.id);
    const first = seen.get(ref);
    if (first !== undefined) {
      throw new RuleValidationError(
        `${field}[${i}].id`,
        `${field}[${i}] repeats row ${ref} (already at ${field}[${first}])`,
      );
    }
    seen.set(ref, i);
    return row;
  });
  if (!seen.has(rowRef('global', GLOBAL_ROW_ID))) {
    throw new RuleValidationError(field, `${field} must contain the Global row (type "global", id "${GLOBAL_ROW_ID}")`);
  }
  return sortRows(rows);
}

/** Refuses a table of more rows than the app keeps, before any row is read further. */
export function checkTableRowCount(rows: number, field: string): void {
  if (rows > LIMITS.maxTableRows) {
    throw new RuleValidationError(
      field,
      `The table would have ${rows.toLocaleString('en-US')} rows; the largest supported is ${LIMITS.maxTableRows.toLocaleString('en-US')}`,
    );
  }
}
