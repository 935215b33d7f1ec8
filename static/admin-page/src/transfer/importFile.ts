/**
 * Reads a file chosen for import: JSON, and which of the two accepted shapes
 * it looks like. The server checks every field; this only catches what can
 * be said before sending it. Pure, unit-tested.
 */
import { isRecord } from '../../../shared/resolverResult';
import { MAX_UPLOAD_CHARS } from './importUpload';

/**
 * The largest file the page reads. Large files go up in parts
 * (importUpload.ts); this only keeps the browser from reading something no
 * export could be (a pretty-printed export of the largest table is far less).
 */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export const EXPORT_FORMAT = 'space-admin-script-permissions';

export type ImportShape = 'export' | 'version-0' | 'unknown';

export type ReadImport =
  { ok: true; data: unknown; shape: ImportShape; description: string } | { ok: false; message: string };

const V0_FIELDS = ['restrictedUsers', 'restrictedGroups', 'restrictedSpaces', 'disableInAllSpaces'];

export function readImportFile(text: string, sizeBytes: number): ReadImport {
  if (sizeBytes > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      message: `The file is ${megabytes(sizeBytes)} MB; files up to ${megabytes(MAX_IMPORT_BYTES)} MB can be imported.`,
    };
  }
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, message: `The file is not valid JSON${detail}. Choose a file exported from this page.` };
  }
  if (!isRecord(data)) {
    return { ok: false, message: 'The file holds JSON, but not an object: choose a file exported from this page.' };
  }
  if (JSON.stringify(data).length > MAX_UPLOAD_CHARS) {
    return {
      ok: false,
      message: `The file holds more than ${MAX_UPLOAD_CHARS.toLocaleString('en-US')} characters of JSON; no export of this app is that large.`,
    };
  }
  const shape = shapeOf(data);
  return { ok: true, data, shape, description: describeShape(shape, data) };
}

function shapeOf(data: Record<string, unknown>): ImportShape {
  if (data.format === EXPORT_FORMAT) return 'export';
  if (V0_FIELDS.some((field) => field in data)) return 'version-0';
  return 'unknown';
}

function describeShape(shape: ImportShape, data: Record<string, unknown>): string {
  if (shape === 'export') {
    const when = typeof data.exportedAt === 'string' ? `, exported ${data.exportedAt}` : '';
    return `A rule table export (schema version ${String(data.schemaVersion)}${when}).`;
  }
  if (shape === 'version-0') {
    return 'Settings in the older deny-list format (version 0): each restricted user, group and space becomes a row with every script unchecked.';
  }
  return 'A JSON file in a format this page does not recognise; the app will say what it cannot read.';
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
