import { defaultTable, GLOBAL_ROW_ID, rowRef, SCRIPT_CATALOG, scriptKeys } from '../../../src/rules';

test("the catalog lists ScriptRunner Cloud's space-admin built-ins, in order, with kebab-case keys", () => {
  expect(SCRIPT_CATALOG.map((s) => [s.key, s.name])).toEqual([
    ['bulk-delete-attachments', 'Bulk Delete Attachments'],
    ['bulk-delete-comments', 'Bulk Delete Comments'],
    ['bulk-purge-trash', 'Bulk Purge Trash'],
    ['copy-space', 'Copy Space'],
    ['delete-page-tree', 'Delete Page Tree'],
    ['copy-page-tree', 'Copy Page Tree'],
    ['bulk-labels', 'Bulk Add or Remove Labels'],
  ]);
  expect(scriptKeys(SCRIPT_CATALOG)).toEqual(SCRIPT_CATALOG.map((s) => s.key));
});

test('each script has a one-sentence description', () => {
  for (const s of SCRIPT_CATALOG) {
    expect(s.description).toMatch(/^[A-Z][^.]*(\.[^ .][^.]*)*\.$/);
  }
});

test('the default table: toggle off, one Global row with every script checked', () => {
  expect(defaultTable(SCRIPT_CATALOG)).toEqual({
    enabled: false,
    knownScripts: scriptKeys(SCRIPT_CATALOG),
    rows: [{ type: 'global', id: GLOBAL_ROW_ID, name: 'Global', allowed: scriptKeys(SCRIPT_CATALOG) }],
  });
});

test('rowRef is type:id', () => {
  expect(rowRef('user', 'u-ada')).toBe('user:u-ada');
  expect(rowRef('global', GLOBAL_ROW_ID)).toBe('global:global');
});
