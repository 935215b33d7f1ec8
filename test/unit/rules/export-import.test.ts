import fc from 'fast-check';
import {
  EXPORT_FORMAT,
  exportTable,
  ExportFile,
  importAny,
  parsePayload,
  RuleTable,
  SCRIPT_CATALOG,
  scriptKeys,
} from '../../../src/rules';
import { freeTableArb, tableArb } from './arbitraries';
import { expectError } from './expect-error';

const ALL = scriptKeys(SCRIPT_CATALOG);
const AT = '2024-05-01T10:00:00.000Z';
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

test('export then import is the identity (through JSON)', () => {
  fc.assert(
    fc.property(fc.oneof(tableArb, freeTableArb), (table) => {
      expect(importAny(viaJson(exportTable(table, AT)), SCRIPT_CATALOG)).toStrictEqual(table);
    }),
    { numRuns: 500 },
  );
});

test('an export is a valid ExportFile in the current format', () => {
  fc.assert(
    fc.property(freeTableArb, (table) => {
      const file = exportTable(table, AT);
      expect(parsePayload(ExportFile, viaJson(file))).toEqual({ ok: true, data: file });
      expect(file).toMatchObject({
        format: EXPORT_FORMAT,
        schemaVersion: 1,
        exportedAt: AT,
        enabled: table.enabled,
        scripts: ALL,
      });
    }),
  );
});

describe('importing a file from another catalog', () => {
  const file = {
    format: EXPORT_FORMAT,
    schemaVersion: 1,
    exportedAt: '2024-05-01T12:00:00+02:00',
    enabled: true,
    scripts: ['retired-script', 'copy-space'],
    rows: [
      { type: 'user', id: 'u-bob', name: 'Bob', allowed: ['copy-space', 'retired-script'] },
      { type: 'global', id: 'global', name: 'Global', allowed: ['retired-script'] },
    ],
  };

  test('scripts the file lacks are new (Global only); scripts the catalog lacks are dropped; rows in canonical order', () => {
    const table: RuleTable = importAny(file, SCRIPT_CATALOG);
    const fresh = ALL.filter((k) => k !== 'copy-space');
    expect(table).toEqual({
      enabled: true,
      knownScripts: ALL,
      rows: [
        { type: 'global', id: 'global', name: 'Global', allowed: fresh },
        { type: 'user', id: 'u-bob', name: 'Bob', allowed: ['copy-space'] },
      ],
    });
  });

  test.each<[string, unknown, string, RegExp]>([
    ['not an object', [1, 2], '', /JSON object/],
    ['an unknown format', { ...file, format: 'something-else' }, 'format', /reads files with format/],
    ['a newer export version', { ...file, schemaVersion: 2 }, 'schemaVersion', /newer version of the app/],
    ['a non-numeric export version', { ...file, schemaVersion: 'v1' }, 'schemaVersion', /reads schemaVersion 1/],
    ['neither an export nor v0', { rows: [] }, 'format', /no "format" field/],
    ['a bad date', { ...file, exportedAt: 'yesterday' }, 'exportedAt', /ISO 8601/],
    ['an unknown field', { ...file, extra: true }, 'extra', /not an accepted field/],
    [
      'a bad row type',
      { ...file, rows: [file.rows[1], { ...file.rows[0], type: 'team' }] },
      'rows[1].type',
      /must be one of/,
    ],
    [
      'a script the file does not list',
      { ...file, rows: [{ ...file.rows[0], allowed: ['bulk-labels'] }, file.rows[1]] },
      'rows[0].allowed[0]',
      /not a known script/,
    ],
    ['no Global row', { ...file, rows: [file.rows[0]] }, 'rows', /must contain the Global row/],
    [
      'a duplicate row',
      { ...file, rows: [file.rows[0], file.rows[1], file.rows[0]] },
      'rows[2].id',
      /repeats row user:u-bob/,
    ],
    ['a v0 file with a bad entry', { restrictedGroups: [{ id: 7 }] }, 'restrictedGroups[0].id', /must be a string/],
  ])('refuses %s, naming the field', (_label, data, field, message) => {
    expectError(() => importAny(data, SCRIPT_CATALOG), field, message);
  });
});
