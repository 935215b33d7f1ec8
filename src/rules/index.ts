/** Public API of the pure rules domain. No Forge imports, no I/O. */
export { SCRIPT_CATALOG, scriptKeys } from './catalog';
export type { Script } from './catalog';
export { copyRow, defaultTable, GLOBAL_ROW_ID, GLOBAL_ROW_NAME, isRowType, ROW_TYPES, rowRef } from './model';
export type { Row, RowSelector, RowType, RuleTable } from './model';
export { compareRows, sortRows } from './order';
export { reconcileWithCatalog } from './catalog-sync';
export type { ReconcileResult } from './catalog-sync';
export { RuleIndex } from './evaluate';
export type { AccessSubject, DecidedBy, RuleIndexInput, ScriptDecision } from './evaluate';
export { RuleValidationError } from './errors';
export { applyChanges } from './changes';
export type { ApplyResult, ChangeRequest } from './changes';
export { diffTables } from './diff';
export type { Change } from './diff';
export { LIMITS } from './limits';
export {
  EXPORT_FORMAT,
  ExportFile,
  formatPath,
  IdSchema,
  parsePayload,
  RowSchema,
  RowSelectorSchema,
  SpaceKeySchema,
  wellFormed,
  StoredTableV1,
  StoredV0,
} from './schemas';
export type { ParseResult, V0Config, V0ConfigInput } from './schemas';
export { EXPORT_SCHEMA_VERSION, exportTable } from './export-file';
export { CURRENT_SCHEMA_VERSION, importAny, migrateStored, migrateV0, readStored, toStored } from './migrate';
export type { StoredRead } from './migrate';
