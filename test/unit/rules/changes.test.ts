import {
  applyChanges,
  Change,
  defaultTable,
  diffTables,
  Row,
  RuleTable,
  SCRIPT_CATALOG,
  scriptKeys,
} from '../../../src/rules';
import { expectError } from './expect-error';

const ALL = scriptKeys(SCRIPT_CATALOG);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const base: RuleTable = deepFreeze({
  enabled: true,
  knownScripts: ALL,
  rows: [
    { type: 'global', id: 'global', name: 'Global', allowed: ALL },
    { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: [] },
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] },
    { type: 'user', id: 'u-bob', name: 'Bob', allowed: [] },
  ],
});

describe('applyChanges', () => {
  test('upsert of an existing row replaces its name, key and allowed; allowed ends up deduplicated in catalog order', () => {
    const { table, changes } = applyChanges(
      base,
      {
        upsert: [
          {
            type: 'space',
            id: '1001',
            key: 'MARKETING',
            name: 'Marketing EU',
            allowed: ['copy-space', 'bulk-labels', 'copy-space'],
          },
        ],
      },
      SCRIPT_CATALOG,
    );
    expect(table.rows.find((r) => r.id === '1001')).toEqual({
      type: 'space',
      id: '1001',
      key: 'MARKETING',
      name: 'Marketing EU',
      allowed: ['copy-space', 'bulk-labels'],
    });
    expect(changes).toEqual([
      {
        kind: 'row-changed',
        type: 'space',
        id: '1001',
        name: 'Marketing EU',
        added: ['copy-space', 'bulk-labels'],
        removed: [],
      },
    ]);
  });

  test('new rows are added and all rows kept in canonical order: Global, spaces, groups, users, each by name then id', () => {
    const { table } = applyChanges(
      base,
      {
        upsert: [
          { type: 'user', id: 'u-ada', name: 'Ada', allowed: [] },
          { type: 'group', id: 'g-a', name: 'Admins', allowed: [] },
          { type: 'space', id: '1000', key: 'ZZ', name: 'zebra', allowed: [] },
          { type: 'space', id: '0999', key: 'AA', name: 'Zebra', allowed: [] },
          { type: 'user', id: 'u-ada2', name: 'Ada', allowed: [] },
        ],
      },
      SCRIPT_CATALOG,
    );
    expect(table.rows.map((r) => `${r.type}:${r.id}`)).toEqual([
      'global:global',
      'space:1001',
      'space:0999',
      'space:1000',
      'group:g-a',
      'group:g-power',
      'user:u-ada',
      'user:u-ada2',
      'user:u-bob',
    ]);
  });

  test('the toggle and removals are applied and reported; removing a missing row is a no-op', () => {
    const { table, changes } = applyChanges(
      base,
      {
        enabled: false,
        remove: [
          { type: 'user', id: 'u-bob' },
          { type: 'user', id: 'u-nobody' },
        ],
      },
      SCRIPT_CATALOG,
    );
    expect(table.enabled).toBe(false);
    expect(table.rows.some((r) => r.id === 'u-bob')).toBe(false);
    expect(changes).toEqual([
      { kind: 'toggle', from: true, to: false },
      { kind: 'row-removed', type: 'user', id: 'u-bob', name: 'Bob' },
    ]);
  });

  test('editing the Global row is allowed', () => {
    const { changes } = applyChanges(
      base,
      { upsert: [{ type: 'global', id: 'global', name: 'Global', allowed: [] }] },
      SCRIPT_CATALOG,
    );
    expect(changes).toEqual([
      { kind: 'row-changed', type: 'global', id: 'global', name: 'Global', added: [], removed: ALL },
    ]);
  });

  test('an empty request changes nothing', () => {
    expect(applyChanges(base, {}, SCRIPT_CATALOG)).toEqual({ table: base, changes: [] });
  });
});

describe('applyChanges refuses bad requests, naming the field, and changes nothing', () => {
  const user = (over: Partial<Row> = {}): Row => ({ type: 'user', id: 'u-new', name: 'New', allowed: [], ...over });
  const cases: [string, Parameters<typeof applyChanges>[1], string, RegExp][] = [
    [
      'removing Global',
      {
        remove: [
          { type: 'group', id: 'g-power' },
          { type: 'global', id: 'global' },
        ],
      },
      'remove[1].type',
      /Global row cannot be removed/,
    ],
    [
      'retyping Global',
      { upsert: [{ type: 'space', id: 'global', name: 'Global', allowed: [] }] },
      'upsert[0].type',
      /cannot change type/,
    ],
    [
      'a second Global row',
      { upsert: [{ type: 'global', id: 'other', name: 'G', allowed: [] }] },
      'upsert[0].id',
      /exactly one Global row/,
    ],
    [
      'an unknown script key',
      { upsert: [user(), user({ id: 'u-2', allowed: ['copy-space', 'bulk-labels', 'rename-pages'] })] },
      'upsert[1].allowed[2]',
      /"rename-pages", which is not a known script/,
    ],
    [
      'a duplicate row in upsert',
      { upsert: [user(), user({ id: 'u-2' }), user({ name: 'again' })] },
      'upsert[2].id',
      /repeats row user:u-new \(already at upsert\[0\]\)/,
    ],
    [
      'a duplicate row in remove',
      {
        remove: [
          { type: 'user', id: 'u-bob' },
          { type: 'user', id: 'u-bob' },
        ],
      },
      'remove[1].id',
      /repeats row user:u-bob/,
    ],
    [
      'a row both upserted and removed',
      { upsert: [user({ id: 'u-bob' })], remove: [{ type: 'user', id: 'u-bob' }] },
      'remove[0].id',
      /upsert\[0\] also changes/,
    ],
    ['an empty id', { upsert: [user({ id: '' })] }, 'upsert[0].id', /must not be empty/],
    ['an empty id in remove', { remove: [{ type: 'group', id: '' }] }, 'remove[0].id', /must not be empty/],
    [
      'a name over 255 characters',
      { upsert: [user({ name: 'x'.repeat(256) })] },
      'upsert[0].name',
      /256 characters long; it may be at most 255/,
    ],
    ['an id over 128 characters', { upsert: [user({ id: 'x'.repeat(129) })] }, 'upsert[0].id', /at most 128/],
    ['an id with a control character', { upsert: [user({ id: 'u\n1' })] }, 'upsert[0].id', /control characters/],
    ['an unknown row type', { upsert: [user({ type: 'team' as never })] }, 'upsert[0].type', /must be one of/],
    [
      'a space key on a group row',
      { upsert: [{ type: 'group', id: 'g', name: 'G', key: 'K', allowed: [] }] },
      'upsert[0].key',
      /only space rows/,
    ],
    ['a non-boolean toggle', { enabled: 'yes' as never }, 'enabled', /true or false/],
  ];

  test.each(cases)('%s', (_label, request, field, message) => {
    const before = JSON.stringify(base);
    expectError(() => applyChanges(base, request, SCRIPT_CATALOG), field, message);
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('diffTables', () => {
  test('reports toggle first, then row changes in table order; names and keys alone are not changes', () => {
    const before = defaultTable(SCRIPT_CATALOG);
    const after: RuleTable = {
      ...before,
      enabled: true,
      rows: [
        { type: 'global', id: 'global', name: 'Everyone', allowed: ALL.filter((k) => k !== 'copy-space') },
        { type: 'user', id: 'u-ada', name: 'Ada', allowed: ['copy-space'] },
      ],
    };
    const expected: Change[] = [
      { kind: 'toggle', from: false, to: true },
      { kind: 'row-changed', type: 'global', id: 'global', name: 'Everyone', added: [], removed: ['copy-space'] },
      { kind: 'row-added', type: 'user', id: 'u-ada', name: 'Ada', allowed: ['copy-space'] },
    ];
    expect(diffTables(before, after)).toEqual(expected);
    expect(diffTables(after, { ...after, rows: after.rows.map((r) => ({ ...r, name: `${r.name}!` })) })).toEqual([]);
  });
});
