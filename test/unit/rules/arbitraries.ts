import fc from 'fast-check';
import {
  AccessSubject,
  GLOBAL_ROW_ID,
  Row,
  rowRef,
  RuleTable,
  SCRIPT_CATALOG,
  scriptKeys,
  sortRows,
} from '../../../src/rules';

/** fc.record builds null-prototype objects; tables are plain JSON-like data. */
const plain = (row: Row): Row => ({ ...row });

/** Shared generators for the rules property tests. Small id pools so rows and subjects collide often. */

export const KEYS = scriptKeys(SCRIPT_CATALOG);

export const USER_IDS = ['u-ada', 'u-bob', 'u-cy', 'u-dee', 'u-eve'];
export const GROUP_IDS = ['g-power', 'g-probation', 'g-ops', 'g-hr', 'g-x'];
export const SPACES = [
  { id: '1001', key: 'MKT' },
  { id: '1002', key: 'HR' },
  { id: '1003', key: 'PG' },
  { id: '1004', key: 'ENG' },
];

export const nameArb = fc.string({ maxLength: 12 });

/** Allowed lists in catalog order, as stored. */
export const allowedArb = fc.subarray(KEYS);

export const subjectRowArb: fc.Arbitrary<Row> = fc.oneof(
  fc.record({
    type: fc.constant('user' as const),
    id: fc.constantFrom(...USER_IDS),
    name: nameArb,
    allowed: allowedArb,
  }),
  fc.record({
    type: fc.constant('group' as const),
    id: fc.constantFrom(...GROUP_IDS),
    name: nameArb,
    allowed: allowedArb,
  }),
  fc
    .record({ space: fc.constantFrom(...SPACES), name: nameArb, allowed: allowedArb })
    .map(({ space, name, allowed }): Row => ({ type: 'space', id: space.id, key: space.key, name, allowed })),
);

export const globalRowArb: fc.Arbitrary<Row> = allowedArb.map((allowed) => ({
  type: 'global',
  id: GLOBAL_ROW_ID,
  name: 'Global',
  allowed,
}));

/** A valid, reconciled table in canonical order, over the id pools. */
export const tableArb: fc.Arbitrary<RuleTable> = fc
  .record({
    enabled: fc.boolean(),
    global: globalRowArb,
    rows: fc.uniqueArray(subjectRowArb, { selector: (r) => rowRef(r.type, r.id), maxLength: 14 }),
  })
  .map(({ enabled, global, rows }) => ({
    enabled,
    knownScripts: [...KEYS],
    rows: sortRows([global, ...rows]).map(plain),
  }));

export const subjectArb: fc.Arbitrary<AccessSubject> = fc.record({
  accountId: fc.constantFrom(...USER_IDS, 'u-nobody'),
  // duplicates and groups without rows on purpose
  groupIds: fc.array(fc.constantFrom(...GROUP_IDS, 'g-norow'), { maxLength: 6 }),
  space: fc.constantFrom(...SPACES, { id: '9999', key: 'NOROW' }),
  isSpaceAdmin: fc.boolean(),
});

/** Ids as Confluence might send them; never the Global id. */
export const freeIdArb = fc.stringMatching(/^[A-Za-z0-9:_-]{1,24}$/).filter((s) => s !== GLOBAL_ROW_ID);

/** A valid table with arbitrary ids, names and space keys (for round trips). */
export const freeTableArb: fc.Arbitrary<RuleTable> = fc
  .record({
    enabled: fc.boolean(),
    global: globalRowArb,
    rows: fc.uniqueArray(
      fc.oneof(
        fc.record({
          type: fc.constantFrom('user' as const, 'group' as const),
          id: freeIdArb,
          name: fc.string({ maxLength: 40, unit: 'grapheme' }),
          allowed: allowedArb,
        }),
        fc
          .record({
            id: freeIdArb,
            key: fc.stringMatching(/^~?[A-Z0-9]{1,10}$/),
            name: fc.string({ maxLength: 40 }),
            allowed: allowedArb,
          })
          .map((r): Row => ({ type: 'space', ...r })),
      ),
      { selector: (r) => rowRef(r.type, r.id), maxLength: 20 },
    ),
  })
  .map(({ enabled, global, rows }) => ({
    enabled,
    knownScripts: [...KEYS],
    rows: sortRows([global, ...rows]).map(plain),
  }));
