/** The data `exportConfig` and `importConfig` answer with, and their guards. Pure. */
import { isRecord } from '../../../shared/resolverResult';
import { isChange, type Change } from '../audit/changeTypes';

export interface ExportAnswer {
  version: number;
  /** The export file, `{format, schemaVersion, exportedAt, enabled, scripts, rows}`, saved as is. */
  file: Record<string, unknown> & { exportedAt: string };
}

export interface ImportAnswer {
  dryRun: boolean;
  /** With a dry run: the version previewed against; applied: the new version. */
  version: number;
  changes: Change[];
  /** Rows in the table the file holds. */
  rows: number;
}

export function isExportAnswer(value: unknown): value is ExportAnswer {
  return (
    isRecord(value) &&
    typeof value.version === 'number' &&
    isRecord(value.file) &&
    typeof value.file.exportedAt === 'string'
  );
}

export function isImportAnswer(value: unknown): value is ImportAnswer {
  return (
    isRecord(value) &&
    typeof value.dryRun === 'boolean' &&
    typeof value.version === 'number' &&
    Array.isArray(value.changes) &&
    value.changes.every(isChange) &&
    typeof value.rows === 'number'
  );
}
