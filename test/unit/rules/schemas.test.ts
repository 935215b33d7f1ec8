import {
  ExplainAccessPayload,
  GetAuditLogPayload,
  GetConfigPayload,
  ImportConfigPayload,
  SaveConfigPayload,
  SearchSubjectsPayload,
} from '../../../src/contract/admin-page';
import { ExportFile, formatPath, parsePayload, RowSchema } from '../../../src/rules';

const row = { type: 'user', id: 'u-ada', name: 'Ada', allowed: ['copy-space'] };
const file = {
  format: 'space-admin-script-permissions',
  schemaVersion: 1,
  exportedAt: '2024-05-01T10:00:00.000Z',
  enabled: true,
  scripts: ['copy-space'],
  rows: [{ type: 'global', id: 'global', name: 'Global', allowed: [] }],
};

describe('schemas accept well-formed payloads', () => {
  test.each<[string, Parameters<typeof parsePayload>[0], unknown]>([
    ['SaveConfigPayload, minimal', SaveConfigPayload, { expectedVersion: 0 }],
    [
      'SaveConfigPayload, full',
      SaveConfigPayload,
      {
        expectedVersion: 3,
        enabled: true,
        upsert: [row, { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: [] }],
        remove: [{ type: 'group', id: 'g-1' }],
      },
    ],
    ['ExplainAccessPayload', ExplainAccessPayload, { accountId: '557058:f8e4', spaceKey: '~557058f8e4' }],
    ['SearchSubjectsPayload, empty query', SearchSubjectsPayload, { type: 'group', query: '' }],
    ['GetAuditLogPayload, empty object', GetAuditLogPayload, {}],
    ['GetAuditLogPayload, with cursor', GetAuditLogPayload, { cursor: 'abc' }],
    ['ImportConfigPayload', ImportConfigPayload, { data: { anything: 1 }, dryRun: true, expectedVersion: 0 }],
    ['ExportFile', ExportFile, file],
    ['ExportFile, offset date', ExportFile, { ...file, exportedAt: '2024-05-01T12:00:00+02:00' }],
  ])('%s', (_label, schema, input) => {
    expect(parsePayload(schema, input)).toEqual({ ok: true, data: input });
  });

  test('GetConfigPayload reads a missing payload as an empty one', () => {
    expect(parsePayload(GetConfigPayload, undefined)).toEqual({ ok: true, data: {} });
    expect(parsePayload(GetConfigPayload, {})).toEqual({ ok: true, data: {} });
  });
});

describe('each schema refusal names the field and says what is wrong', () => {
  const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ type: 'user', id: `u-${i}` }));
  test.each<[string, Parameters<typeof parsePayload>[0], unknown, string, RegExp]>([
    ['payload not an object', SaveConfigPayload, 'x', '', /^The payload must be an object/],
    ['missing expectedVersion', SaveConfigPayload, {}, 'expectedVersion', /^expectedVersion is required$/],
    ['negative expectedVersion', SaveConfigPayload, { expectedVersion: -1 }, 'expectedVersion', /at least 0/],
    [
      'fractional expectedVersion',
      SaveConfigPayload,
      { expectedVersion: 1.5 },
      'expectedVersion',
      /must be an integer/,
    ],
    ['unknown key at the root', SaveConfigPayload, { expectedVersion: 1, rows: [] }, 'rows', /not an accepted field/],
    [
      'unknown key in a row',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, admin: true }] },
      'upsert[0].admin',
      /not an accepted field/,
    ],
    [
      'bad row type',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [row, row, { ...row, type: 'team' }] },
      'upsert[2].type',
      /must be one of "global", "space", "group", "user"/,
    ],
    [
      'empty id',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, id: '' }] },
      'upsert[0].id',
      /must not be empty/,
    ],
    [
      'id too long',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, id: 'x'.repeat(129) }] },
      'upsert[0].id',
      /at most 128 characters/,
    ],
    [
      'id with a control character',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, id: 'u\u0007' }] },
      'upsert[0].id',
      /control characters/,
    ],
    [
      'name too long',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, name: 'n'.repeat(256) }] },
      'upsert[0].name',
      /at most 255 characters/,
    ],
    [
      'bad script key',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, allowed: ['copy-space', 'Copy Space'] }] },
      'upsert[0].allowed[1]',
      /script key/,
    ],
    [
      'allowed not a list',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, allowed: 'copy-space' }] },
      'upsert[0].allowed',
      /must be a list/,
    ],
    [
      'space key with spaces',
      SaveConfigPayload,
      { expectedVersion: 1, upsert: [{ ...row, type: 'space', key: 'M K' }] },
      'upsert[0].key',
      /space key/,
    ],
    ['too many removals', SaveConfigPayload, { expectedVersion: 1, remove: tooMany }, 'remove', /at most 10000 items/],
    [
      'remove entry missing id',
      SaveConfigPayload,
      { expectedVersion: 1, remove: [{ type: 'user' }] },
      'remove[0].id',
      /is required/,
    ],
    ['enabled not boolean', SaveConfigPayload, { expectedVersion: 1, enabled: 'on' }, 'enabled', /true or false/],
    ['explain without spaceKey', ExplainAccessPayload, { accountId: 'u' }, 'spaceKey', /is required/],
    [
      'explain with empty accountId',
      ExplainAccessPayload,
      { accountId: '', spaceKey: 'MKT' },
      'accountId',
      /must not be empty/,
    ],
    ['search of type global', SearchSubjectsPayload, { type: 'global', query: '' }, 'type', /"user", "group", "space"/],
    [
      'search query too long',
      SearchSubjectsPayload,
      { type: 'user', query: 'q'.repeat(101) },
      'query',
      /at most 100 characters/,
    ],
    ['audit cursor not a string', GetAuditLogPayload, { cursor: 5 }, 'cursor', /must be a string/],
    ['config cursor empty', GetConfigPayload, { cursor: '' }, 'cursor', /must not be empty/],
    ['config unknown key', GetConfigPayload, { page: 2 }, 'page', /not an accepted field/],
    ['import without data', ImportConfigPayload, { dryRun: false, expectedVersion: 0 }, 'data', /is required/],
    ['import without dryRun', ImportConfigPayload, { data: {}, expectedVersion: 0 }, 'dryRun', /is required/],
    [
      'export with wrong format',
      ExportFile,
      { ...file, format: 'csv' },
      'format',
      /must be "space-admin-script-permissions"/,
    ],
    ['export with a later schemaVersion', ExportFile, { ...file, schemaVersion: 2 }, 'schemaVersion', /must be 1/],
    ['export with a bad date', ExportFile, { ...file, exportedAt: '1 May' }, 'exportedAt', /ISO 8601/],
    ['export row without name', RowSchema, { type: 'user', id: 'u', allowed: [] }, 'name', /is required/],
  ])('%s', (_label, schema, input, field, message) => {
    const result = parsePayload(schema, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.field).toBe(field);
    expect(result.message).toMatch(message);
    if (field !== '') expect(result.message.startsWith(field)).toBe(true);
  });
});

test('formatPath writes paths as a person reads them', () => {
  expect(formatPath(['upsert', 2, 'type'])).toBe('upsert[2].type');
  expect(formatPath([0, 'a b'])).toBe('[0]["a b"]');
  expect(formatPath([])).toBe('');
});
