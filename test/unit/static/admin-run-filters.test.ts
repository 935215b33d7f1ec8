import {
  currentCursor,
  firstPage,
  hasFilters,
  newerPage,
  olderPage,
  runListPayload,
} from '../../../static/admin-page/src/runs/runFilters';

test('the listScriptRuns payload carries only the filters set, and the cursor', () => {
  expect(runListPayload({})).toEqual({});
  expect(runListPayload({ spaceKey: 'MKT', scriptKey: undefined, accountId: 'u-bob' }, 'c1')).toEqual({
    cursor: 'c1',
    spaceKey: 'MKT',
    accountId: 'u-bob',
  });
  expect(hasFilters({})).toBe(false);
  expect(hasFilters({ scriptKey: 'bulk-labels' })).toBe(true);
});

test('Older and Newer walk the cursors seen, and Newer stops at the first page', () => {
  const second = olderPage(firstPage, 'c1');
  const third = olderPage(second, 'c2');
  expect(currentCursor(firstPage)).toBeUndefined();
  expect(currentCursor(third)).toBe('c2');
  expect(currentCursor(newerPage(third))).toBe('c1');
  expect(newerPage(newerPage(newerPage(third)))).toEqual(firstPage);
});
