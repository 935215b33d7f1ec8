import { Script, SCRIPT_CATALOG, scriptKeys } from './catalog';
import { reconcileWithCatalog } from './catalog-sync';
import { RuleValidationError } from './errors';
import { checkTableRowCount, EXPORT_SCHEMA_VERSION, importExportFile, tableRows } from './export-file';
import { copyRow, defaultTable, GLOBAL_ROW_ID, GLOBAL_ROW_NAME, Row, RuleTable } from './model';
import { sortRows } from './order';
import { EXPORT_FORMAT, parsePayload, StoredTableV1, StoredV0, V0ConfigInput } from './schemas';
import { isRecord, validateRow } from './validate';

/** Version of the stored table written by `toStored`. */
export const CURRENT_SCHEMA_VERSION = 1;

const V0_FIELDS = ['restrictedUsers', 'restrictedGroups', 'restrictedSpaces', 'disableInAllSpaces'] as const;

export interface StoredRead {
  /** Migrated to the current version and reconciled with the catalog. */
  table: RuleTable;
  /** Catalog scripts the stored table did not know (mark these columns as new). */
  newScripts: string[];
  /** The version that was stored; null when nothing was. */
  storedVersion: number | null;
}

/** The table in its stored form (current version). */
export function toStored(table: RuleTable): StoredTableV1 {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    enabled: table.enabled,
    knownScripts: [...table.knownScripts],
    rows: table.rows.map(copyRow),
  };
}

/**
 * Reads a stored table of any version: nothing stored -> the default table;
 * version 0 (no `schemaVersion`, or 0) -> `migrateV0`; version 1 -> as is.
 * The result is reconciled with the catalog.
 * @throws RuleValidationError for data this version cannot read.
 */
export function readStored(raw: unknown, catalog: readonly Script[]): StoredRead {
  if (raw === undefined || raw === null) return { table: defaultTable(catalog), newScripts: [], storedVersion: null };
  if (!isRecord(raw)) throw new RuleValidationError('', 'The stored rules are not an object');

  const version = raw.schemaVersion;
  if (version === undefined || version === 0) {
    return { table: migrateV0(raw, catalog), newScripts: [], storedVersion: 0 };
  }
  if (version === 1) {
    const parsed = parsePayload(StoredTableV1, raw);
    if (!parsed.ok) throw new RuleValidationError(parsed.field, `Stored rules: ${parsed.message}`);
    const stored = parsed.data;
    const rows = tableRows(stored.rows, 'rows', stored.knownScripts);
    const { table, newScripts } = reconcileWithCatalog(
      { enabled: stored.enabled, knownScripts: [...new Set(stored.knownScripts)], rows },
      catalog,
    );
    return { table, newScripts, storedVersion: 1 };
  }
  throw unreadableVersion(version, CURRENT_SCHEMA_VERSION, 'The stored rules have', `0 to ${CURRENT_SCHEMA_VERSION}`);
}

/** `readStored(raw, catalog).table`. */
export function migrateStored(raw: unknown, catalog: readonly Script[]): RuleTable {
  return readStored(raw, catalog).table;
}

/**
 * Version 0 -> a table that gives the same answer for every user, space
 * and script. v0 answer for a space admin: allowed unless
 * disableInAllSpaces, or the user is restricted, or in a restricted group,
 * or the space is restricted (by id). The table: toggle on iff anything is
 * restricted; Global has every script, or none if disableInAllSpaces; one
 * all-unchecked row per restricted user, group and space. Since every
 * non-Global row denies everything, whichever of them decides denies,
 * exactly when v0 denies; otherwise Global decides, as v0 does.
 * @throws RuleValidationError naming the field of a malformed v0 config.
 */
export function migrateV0(
  v0: V0ConfigInput | Record<string, unknown>,
  catalog: readonly Script[] = SCRIPT_CATALOG,
  options: { invalidRows?: 'refuse' | 'skip' } = {},
): RuleTable {
  const parsed = parsePayload(StoredV0, v0);
  if (!parsed.ok) throw new RuleValidationError(parsed.field, parsed.message);
  const cfg = parsed.data;
  const keys = scriptKeys(catalog);

  const denyRows = new Map<string, Row>();
  // Every v0 entry passes the same row checks as an edit or an export file
  // (no user or group with the id "global", no unsafe names); the stored
  // v0 config of an older version skips what it cannot keep instead of
  // making the whole table unreadable.
  const add = (raw: Row, field: string): void => {
    let row: Row;
    try {
      row = validateRow(raw, field, keys);
    } catch (error) {
      if (options.invalidRows === 'skip' && error instanceof RuleValidationError) return;
      throw error;
    }
    const ref = `${row.type}:${row.id}`;
    if (!denyRows.has(ref)) denyRows.set(ref, row);
  };
  cfg.restrictedUsers.forEach((u, i) =>
    add({ type: 'user', id: u.accountId, name: u.displayName || u.accountId, allowed: [] }, `restrictedUsers[${i}]`),
  );
  cfg.restrictedGroups.forEach((g, i) =>
    add({ type: 'group', id: g.id, name: g.name || g.id, allowed: [] }, `restrictedGroups[${i}]`),
  );
  cfg.restrictedSpaces.forEach((s, i) =>
    add({ type: 'space', id: s.id, name: s.name || s.key, key: s.key, allowed: [] }, `restrictedSpaces[${i}]`),
  );
  // An older version's stored config is read whatever its size; the next save applies the cap.
  if (options.invalidRows !== 'skip') checkTableRowCount(denyRows.size + 1, '');

  const global: Row = {
    type: 'global',
    id: GLOBAL_ROW_ID,
    name: GLOBAL_ROW_NAME,
    allowed: cfg.disableInAllSpaces ? [] : [...keys],
  };
  return {
    enabled: cfg.disableInAllSpaces || denyRows.size > 0,
    knownScripts: keys,
    rows: sortRows([global, ...denyRows.values()]),
  };
}

/**
 * Reads an import file: the current export format, or a version 0
 * configuration. The result is reconciled with the catalog.
 * @throws RuleValidationError naming the field for anything else.
 */
export function importAny(data: unknown, catalog: readonly Script[]): RuleTable {
  if (!isRecord(data)) {
    throw new RuleValidationError('', 'The file must contain a JSON object: an export of these rules');
  }
  if ('format' in data) {
    if (data.format !== EXPORT_FORMAT) {
      throw new RuleValidationError(
        'format',
        `format is ${JSON.stringify(data.format)}; this app reads files with format "${EXPORT_FORMAT}"`,
      );
    }
    if (data.schemaVersion !== EXPORT_SCHEMA_VERSION) {
      throw unreadableVersion(
        data.schemaVersion,
        EXPORT_SCHEMA_VERSION,
        'This file has',
        String(EXPORT_SCHEMA_VERSION),
      );
    }
    return importExportFile(data, catalog);
  }
  const looksV0 = V0_FIELDS.some((f) => f in data);
  if (looksV0 && (data.schemaVersion === undefined || data.schemaVersion === 0)) return migrateV0(data, catalog);
  throw new RuleValidationError(
    'format',
    `The file has no "format" field, so it is not an export of these rules (format "${EXPORT_FORMAT}"), ` +
      `nor a version 0 configuration (${V0_FIELDS.join(', ')})`,
  );
}

function unreadableVersion(version: unknown, current: number, whoHas: string, readable: string): RuleValidationError {
  if (typeof version === 'number' && Number.isInteger(version) && version > current) {
    return new RuleValidationError(
      'schemaVersion',
      `${whoHas} schemaVersion ${version}, written by a newer version of the app; this version reads up to ${current}`,
    );
  }
  return new RuleValidationError(
    'schemaVersion',
    `schemaVersion is ${JSON.stringify(version) ?? 'missing'}; this version of the app reads schemaVersion ${readable}`,
  );
}
