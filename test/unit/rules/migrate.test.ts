import fc from 'fast-check';
import {
  AccessSubject,
  CURRENT_SCHEMA_VERSION,
  defaultTable,
  importAny,
  migrateStored,
  migrateV0,
  readStored,
  RuleIndex,
  SCRIPT_CATALOG,
  toStored,
  V0ConfigInput,
} from '../../../src/rules';
import { expectError } from './expect-error';
import { GROUP_IDS, KEYS, SPACES, subjectArb, tableArb, USER_IDS } from './arbitraries';

/** How version 0 answered, read naively from its deny lists. */
function v0Allows(cfg: V0ConfigInput, s: AccessSubject): boolean {
  if (!s.isSpaceAdmin) return false;
  if (cfg.disableInAllSpaces) return false;
  if ((cfg.restrictedUsers ?? []).some((u) => u.accountId === s.accountId)) return false;
  if ((cfg.restrictedGroups ?? []).some((g) => s.groupIds.includes(g.id))) return false;
  if ((cfg.restrictedSpaces ?? []).some((sp) => sp.id === s.space.id)) return false;
  return true;
}

const v0Arb: fc.Arbitrary<V0ConfigInput> = fc.record(
  {
    restrictedUsers: fc.array(
      fc.record({
        accountId: fc.constantFrom(...USER_IDS),
        displayName: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    restrictedGroups: fc.array(
      fc.record({
        id: fc.constantFrom(...GROUP_IDS),
        name: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
    restrictedSpaces: fc.array(
      fc
        .record({ space: fc.constantFrom(...SPACES), name: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) })
        .map(({ space, name }) => ({ ...space, ...(name === undefined ? {} : { name }) })),
      { maxLength: 3 },
    ),
    disableInAllSpaces: fc.oneof(
      { arbitrary: fc.constant(false), weight: 3 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
  },
  { requiredKeys: [] },
);

describe('version 0 migration', () => {
  test('every v0 config gives the same answer before and after migration, for every user, space and script', () => {
    fc.assert(
      fc.property(v0Arb, fc.array(subjectArb, { minLength: 1, maxLength: 8 }), (cfg, subjects) => {
        const idx = RuleIndex.build(migrateV0(cfg), KEYS);
        for (const s of subjects) {
          const expected = v0Allows(cfg, s);
          for (const d of idx.explain(s)) expect(d.allowed).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('stored v0 (no schemaVersion, or 0) and imported v0 migrate to the same table as migrateV0', () => {
    fc.assert(
      fc.property(v0Arb, (cfg) => {
        const expected = migrateV0(cfg, SCRIPT_CATALOG);
        expect(migrateStored(cfg, SCRIPT_CATALOG)).toEqual(expected);
        expect(migrateStored({ ...cfg, schemaVersion: 0 }, SCRIPT_CATALOG)).toEqual(expected);
        expect(importAny(JSON.parse(JSON.stringify({ disableInAllSpaces: false, ...cfg })), SCRIPT_CATALOG)).toEqual(
          expected,
        );
      }),
    );
  });

  test('nothing restricted -> toggle off, Global with every script', () => {
    const t = migrateV0({ restrictedUsers: [], restrictedGroups: [], restrictedSpaces: [], disableInAllSpaces: false });
    expect(t).toEqual(defaultTable(SCRIPT_CATALOG));
  });

  test('disableInAllSpaces -> toggle on, Global with no script', () => {
    const t = migrateV0({ disableInAllSpaces: true });
    expect(t.enabled).toBe(true);
    expect(t.rows).toEqual([{ type: 'global', id: 'global', name: 'Global', allowed: [] }]);
  });

  test('each restricted subject becomes one all-unchecked row, named from v0 (or by id/key), duplicates once', () => {
    const t = migrateV0({
      restrictedUsers: [{ accountId: 'u-bob', displayName: 'Bob' }, { accountId: 'u-bob' }, { accountId: 'u-cy' }],
      restrictedGroups: [{ id: 'g-1', name: 'probation' }],
      restrictedSpaces: [{ id: '1002', key: 'HR' }],
      disableInAllSpaces: false,
    });
    expect(t.enabled).toBe(true);
    expect(t.knownScripts).toEqual(KEYS);
    expect(t.rows).toEqual([
      { type: 'global', id: 'global', name: 'Global', allowed: KEYS },
      { type: 'space', id: '1002', key: 'HR', name: 'HR', allowed: [] },
      { type: 'group', id: 'g-1', name: 'probation', allowed: [] },
      { type: 'user', id: 'u-bob', name: 'Bob', allowed: [] },
      { type: 'user', id: 'u-cy', name: 'u-cy', allowed: [] },
    ]);
  });

  test('a malformed v0 config is refused naming the field', () => {
    expectError(() => migrateV0({ restrictedUsers: [{ accountId: '' }] }), 'restrictedUsers[0].accountId');
    expectError(() => migrateV0({ restrictedSpaces: [{ id: '1', key: 'has space' }] }), 'restrictedSpaces[0].key');
    expectError(() => migrateV0({ disableInAllSpaces: 'yes' } as never), 'disableInAllSpaces');
  });
});

describe('readStored / migrateStored', () => {
  test('nothing stored -> the default table', () => {
    expect(readStored(undefined, SCRIPT_CATALOG)).toEqual({
      table: defaultTable(SCRIPT_CATALOG),
      newScripts: [],
      storedVersion: null,
    });
    expect(migrateStored(null, SCRIPT_CATALOG)).toEqual(defaultTable(SCRIPT_CATALOG));
  });

  test('a stored current-version table reads back as written', () => {
    fc.assert(
      fc.property(tableArb, (table) => {
        const stored = JSON.parse(JSON.stringify(toStored(table))) as unknown;
        expect(readStored(stored, SCRIPT_CATALOG)).toEqual({
          table,
          newScripts: [],
          storedVersion: CURRENT_SCHEMA_VERSION,
        });
      }),
    );
  });

  test('a stored table is reconciled with the catalog on read, reporting the new scripts', () => {
    const stored = {
      schemaVersion: 1,
      enabled: true,
      knownScripts: ['copy-space', 'retired-script'],
      rows: [
        { type: 'user', id: 'u-bob', name: 'Bob', allowed: ['retired-script', 'copy-space'] },
        { type: 'global', id: 'global', name: 'Global', allowed: [] },
      ],
    };
    const read = readStored(stored, SCRIPT_CATALOG);
    expect(read.newScripts).toEqual(KEYS.filter((k) => k !== 'copy-space'));
    expect(read.table).toEqual({
      enabled: true,
      knownScripts: KEYS,
      rows: [
        { type: 'global', id: 'global', name: 'Global', allowed: KEYS.filter((k) => k !== 'copy-space') },
        { type: 'user', id: 'u-bob', name: 'Bob', allowed: ['copy-space'] },
      ],
    });
  });

  test('a version from a newer app, or a corrupt table, is refused naming the field', () => {
    expectError(() => migrateStored({ schemaVersion: 2, rows: [] }, SCRIPT_CATALOG), 'schemaVersion', /newer version/);
    expectError(() => migrateStored({ schemaVersion: 'one' }, SCRIPT_CATALOG), 'schemaVersion');
    expectError(() => migrateStored('text', SCRIPT_CATALOG), '');
    expectError(
      () => migrateStored({ schemaVersion: 1, enabled: true, knownScripts: [], rows: [] }, SCRIPT_CATALOG),
      'rows',
      /Global row/,
    );
  });
});
