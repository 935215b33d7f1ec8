import { AccessSubject, Row, RuleIndex, SCRIPT_CATALOG, scriptKeys } from '../../../src/rules';

const ALL = scriptKeys(SCRIPT_CATALOG);
const global = (allowed: string[]): Row => ({ type: 'global', id: 'global', name: 'Global', allowed });
const SPACE = { id: '1001', key: 'MKT' };
const admin = (groupIds: string[] = [], accountId = 'u-ada'): AccessSubject => ({
  accountId,
  groupIds,
  space: SPACE,
  isSpaceAdmin: true,
});

describe('RuleIndex', () => {
  test('toggle off: every space admin may run every script, decided by feature-off', () => {
    const idx = RuleIndex.build(
      { enabled: false, rows: [global([]), { type: 'user', id: 'u-ada', name: 'Ada', allowed: [] }] },
      ALL,
    );
    expect(idx.explain(admin())).toEqual(
      ALL.map((key) => ({ key, allowed: true, decidedBy: { type: 'feature-off' } })),
    );
  });

  test.each([true, false])(
    'not a space admin: denied whatever the toggle (enabled=%s) and whatever the rows',
    (enabled) => {
      const idx = RuleIndex.build(
        { enabled, rows: [global(ALL), { type: 'user', id: 'u-ada', name: 'Ada', allowed: ALL }] },
        ALL,
      );
      expect(idx.explain({ ...admin(), isSpaceAdmin: false })).toEqual(
        ALL.map((key) => ({ key, allowed: false, decidedBy: { type: 'not-space-admin' } })),
      );
    },
  );

  test('group rows are cumulative; an allowed answer names only the group rows that allowed it, in table order', () => {
    const idx = RuleIndex.build(
      {
        enabled: true,
        rows: [
          global([]),
          { type: 'group', id: 'g-2', name: 'Beta', allowed: ['copy-space', 'bulk-labels'] },
          { type: 'group', id: 'g-1', name: 'alpha', allowed: ['copy-space'] },
          { type: 'group', id: 'g-3', name: 'Gamma', allowed: [] },
        ],
      },
      ALL,
    );
    const subject = admin(['g-3', 'g-2', 'g-1', 'g-2']);
    expect(idx.decide(subject, 'copy-space')).toEqual({
      key: 'copy-space',
      allowed: true,
      decidedBy: { type: 'group', ids: ['g-1', 'g-2'], names: ['alpha', 'Beta'] },
    });
    expect(idx.decide(subject, 'bulk-labels').decidedBy).toEqual({ type: 'group', ids: ['g-2'], names: ['Beta'] });
  });

  test('a denied group answer names every matching group row', () => {
    const idx = RuleIndex.build(
      {
        enabled: true,
        rows: [
          global(ALL),
          { type: 'group', id: 'g-1', name: 'alpha', allowed: ['copy-space'] },
          { type: 'group', id: 'g-2', name: 'beta', allowed: [] },
        ],
      },
      ALL,
    );
    expect(idx.decide(admin(['g-2', 'g-1', 'g-unlisted']), 'bulk-labels')).toEqual({
      key: 'bulk-labels',
      allowed: false,
      decidedBy: { type: 'group', ids: ['g-1', 'g-2'], names: ['alpha', 'beta'] },
    });
  });

  test('space rows match by space id, not by key', () => {
    const rows: Row[] = [global(ALL), { type: 'space', id: '1001', key: 'OLDKEY', name: 'Marketing', allowed: [] }];
    const idx = RuleIndex.build({ enabled: true, rows }, ALL);
    expect(idx.decide(admin(), 'copy-space').decidedBy).toEqual({ type: 'space', ids: ['1001'], names: ['Marketing'] });
    expect(idx.decide({ ...admin(), space: { id: '1002', key: 'MKT' } }, 'copy-space').decidedBy).toEqual({
      type: 'global',
    });
  });

  test('a partial table (Global plus the rows one subject needs) gives the same answers as the full table', () => {
    const full: Row[] = [
      global(['copy-space']),
      { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: ALL },
      { type: 'space', id: '1002', key: 'HR', name: 'HR', allowed: [] },
      { type: 'group', id: 'g-1', name: 'one', allowed: ['bulk-labels'] },
      { type: 'group', id: 'g-2', name: 'two', allowed: ['bulk-purge-trash'] },
      { type: 'user', id: 'u-bob', name: 'Bob', allowed: [] },
    ];
    const subject = admin(['g-2']);
    const partial = full.filter((r) => r.type === 'global' || r.id === '1001' || r.id === 'g-2');
    expect(RuleIndex.build({ enabled: true, rows: partial }, ALL).explain(subject)).toEqual(
      RuleIndex.build({ enabled: true, rows: full }, ALL).explain(subject),
    );
  });

  test('explain answers in catalog order', () => {
    const idx = RuleIndex.build({ enabled: true, rows: [global(['bulk-labels', 'copy-space'])] }, ALL);
    expect(idx.explain(admin()).map((d) => d.key)).toEqual(ALL);
  });

  test('deciding an unknown script key throws a RangeError', () => {
    const idx = RuleIndex.build({ enabled: true, rows: [global(ALL)] }, ALL);
    expect(() => idx.decide(admin(), 'no-such-script')).toThrow(RangeError);
  });

  test('build refuses a table with the toggle on and no Global row, and duplicate rows', () => {
    expect(() => RuleIndex.build({ enabled: true, rows: [] }, ALL)).toThrow(/no Global row/);
    expect(() =>
      RuleIndex.build(
        {
          enabled: true,
          rows: [
            global(ALL),
            { type: 'user', id: 'u', name: 'a', allowed: [] },
            { type: 'user', id: 'u', name: 'b', allowed: ALL },
          ],
        },
        ALL,
      ),
    ).toThrow(/duplicate row user:u/);
    expect(() => RuleIndex.build({ enabled: true, rows: [global(ALL), global([])] }, ALL)).toThrow(
      /more than one Global/,
    );
  });

  test('with the toggle off no rows are needed', () => {
    const idx = RuleIndex.build({ enabled: false, rows: [] }, ALL);
    expect(idx.decide(admin(), 'copy-space')).toEqual({
      key: 'copy-space',
      allowed: true,
      decidedBy: { type: 'feature-off' },
    });
  });

  test('the index does not see later changes to the rows it was built from', () => {
    const rows: Row[] = [global(['copy-space'])];
    const idx = RuleIndex.build({ enabled: true, rows }, ALL);
    rows[0]!.allowed.length = 0;
    expect(idx.decide(admin(), 'copy-space').allowed).toBe(true);
  });
});
