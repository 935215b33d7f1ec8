import { describeConflict, readConflictDetails } from '../../../static/admin-page/src/rules/conflictText';
import { formatDateTime } from '../../../static/admin-page/src/formatDateTime';
import { subjectAsRow, subjectLabel } from '../../../static/admin-page/src/subjects';
import { exportFileName } from '../../../static/admin-page/src/transfer/exportFileName';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../static/admin-page/src/transfer/importFile';
import { shouldSearch, toOption } from '../../../static/admin-page/src/rules/subjectSearch';

describe('reading an import file', () => {
  it('recognises an export file', () => {
    const text = JSON.stringify({
      format: 'space-admin-script-permissions',
      schemaVersion: 1,
      exportedAt: '2024-05-01T10:00:00.000Z',
      enabled: true,
      scripts: [],
      rows: [],
    });
    const read = readImportFile(text, text.length);
    expect(read).toMatchObject({ ok: true, shape: 'export' });
    expect(read.ok && read.description).toBe(
      'A rule table export (schema version 1, exported 2024-05-01T10:00:00.000Z).',
    );
  });

  it('recognises version-0 settings', () => {
    const text = JSON.stringify({ restrictedUsers: [{ accountId: 'u-bob' }], disableInAllSpaces: false });
    expect(readImportFile(text, text.length)).toMatchObject({
      ok: true,
      shape: 'version-0',
      data: { restrictedUsers: [{ accountId: 'u-bob' }] },
    });
  });

  it('passes other objects on for the app to judge, saying it does not recognise them', () => {
    expect(readImportFile('{"hello":1}', 11)).toMatchObject({ ok: true, shape: 'unknown' });
  });

  it('refuses what is not a JSON object, empty, or too large, before sending it', () => {
    expect(readImportFile('{not json', 9)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(readImportFile('[1,2]', 5)).toMatchObject({ ok: false, message: expect.stringMatching(/not an object/) });
    expect(readImportFile('  ', 2)).toEqual({ ok: false, message: 'The file is empty.' });
    expect(readImportFile('{}', MAX_IMPORT_BYTES + 1)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/files up to 4\.0 MB/),
    });
  });

  it('names exports by version and day', () => {
    expect(exportFileName(12, '2024-05-01T10:00:00.000Z')).toBe('built-in-script-permissions-v12-2024-05-01.json');
    expect(exportFileName(1, 'garbage')).toBe('built-in-script-permissions-v1-export.json');
  });
});

describe('conflicts', () => {
  it('says who changed the rules and when', () => {
    const details = readConflictDetails({
      currentVersion: 5,
      updatedAt: '2024-05-01T10:00:00.000Z',
      updatedBy: { accountId: 'u-ada', displayName: 'Ada Lovelace' },
    });
    expect(details).toEqual({
      currentVersion: 5,
      updatedAt: '2024-05-01T10:00:00.000Z',
      updatedBy: { accountId: 'u-ada', displayName: 'Ada Lovelace' },
    });
    expect(describeConflict(details, 'server says', 'en-GB', 'UTC')).toBe(
      'Ada Lovelace changed the rules on 1 May 2024, 10:00, after you started editing.',
    );
  });

  it('falls back to the account id, then to the server’s message', () => {
    expect(describeConflict(readConflictDetails({ updatedBy: { accountId: 'u-x' } }), 'm')).toBe(
      'u-x changed the rules, after you started editing.',
    );
    expect(describeConflict(readConflictDetails('nonsense'), 'Reload to see their changes.')).toBe(
      'Reload to see their changes.',
    );
  });

  it('formats dates, leaving non-dates as they are', () => {
    expect(formatDateTime('2024-12-31T23:59:00Z', 'en-US', 'UTC')).toBe('Dec 31, 2024, 11:59 PM');
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('subjects for new rows', () => {
  it('labels and converts search matches, keeping the space key', () => {
    const space = { type: 'space' as const, id: '1001', name: 'Marketing', key: 'MKT' };
    expect(subjectLabel(space)).toBe('Marketing (MKT)');
    expect(subjectLabel({ id: 'g-1', name: ' ' })).toBe('g-1');
    expect(subjectAsRow(space)).toEqual({ type: 'space', id: '1001', name: 'Marketing', key: 'MKT' });
    expect(toOption(space, (ref) => ref === 'space:1001')).toMatchObject({
      value: 'space:1001',
      label: 'Marketing (MKT)',
      inTable: true,
    });
  });

  it('searches spaces on an empty query, people and groups only with a name', () => {
    expect(shouldSearch('space', '')).toBe(true);
    expect(shouldSearch('group', '  ')).toBe(false);
    expect(shouldSearch('user', '')).toBe(false);
    expect(shouldSearch('user', 'bo')).toBe(true);
  });
});

describe('getConfig answers', () => {});
