import fc from 'fast-check';
import { AccessSubject, DecidedBy, Row, RuleIndex, ScriptDecision, sortRows } from '../../../src/rules';
import { CaslReference } from '../../bench/casl-reference';
import { GROUP_IDS, SPACES, subjectArb, USER_IDS } from './arbitraries';

/**
 * The bitmask index against two independent readings of the rules, on a
 * catalog wider than one 32-bit word (70 keys: three words, the last one
 * partly used), so a key on either side of a word boundary is tested.
 */
const WIDE_KEYS = Array.from({ length: 70 }, (_, i) => `script-${i}`);
/** Mostly near word boundaries, where a wrong shift or word index shows. */
const keyArb = fc.oneof(
  fc.constantFrom(...WIDE_KEYS.filter((_, i) => [0, 1, 30, 31, 32, 33, 62, 63, 64, 65, 69].includes(i))),
  fc.constantFrom(...WIDE_KEYS),
);
const allowedArb = fc.subarray(WIDE_KEYS);
const nameArb = fc.string({ maxLength: 8 });

const rowArb: fc.Arbitrary<Row> = fc.oneof(
  fc
    .record({
      type: fc.constantFrom('user' as const, 'group' as const),
      name: nameArb,
      allowed: allowedArb,
      n: fc.nat(4),
    })
    .map(({ type, name, allowed, n }): Row => ({
      type,
      id: (type === 'user' ? USER_IDS : GROUP_IDS)[n]!,
      name,
      allowed,
    })),
  fc
    .record({ space: fc.constantFrom(...SPACES), name: nameArb, allowed: allowedArb })
    .map(({ space, name, allowed }): Row => ({ type: 'space', id: space.id, key: space.key, name, allowed })),
);

const wideTableArb = fc
  .record({
    enabled: fc.boolean(),
    global: allowedArb,
    rows: fc.uniqueArray(rowArb, { selector: (r) => `${r.type}:${r.id}`, maxLength: 14 }),
  })
  .map(({ enabled, global, rows }) => ({
    enabled,
    rows: sortRows<Row>([{ type: 'global', id: 'global', name: 'Global', allowed: global }, ...rows]).map((r) => ({
      ...r,
    })),
  }));

/** DESIGN section 2 read literally, explanation included, by scanning the rows. */
function naive(table: { enabled: boolean; rows: readonly Row[] }, s: AccessSubject, key: string): ScriptDecision {
  const answer = (allowed: boolean, decidedBy: DecidedBy): ScriptDecision => ({ key, allowed, decidedBy });
  if (!s.isSpaceAdmin) return answer(false, { type: 'not-space-admin' });
  if (!table.enabled) return answer(true, { type: 'feature-off' });
  const user = table.rows.find((r) => r.type === 'user' && r.id === s.accountId);
  if (user) return answer(user.allowed.includes(key), { type: 'user', ids: [user.id], names: [user.name] });
  // The table is in canonical order, so filtering keeps table order.
  const groups = table.rows.filter((r) => r.type === 'group' && s.groupIds.includes(r.id));
  if (groups.length > 0) {
    const allowing = groups.filter((r) => r.allowed.includes(key));
    const shown = allowing.length > 0 ? allowing : groups;
    return answer(allowing.length > 0, { type: 'group', ids: shown.map((r) => r.id), names: shown.map((r) => r.name) });
  }
  const space = table.rows.find((r) => r.type === 'space' && r.id === s.space.id);
  if (space) return answer(space.allowed.includes(key), { type: 'space', ids: [space.id], names: [space.name] });
  const global = table.rows.find((r) => r.type === 'global');
  return answer(global !== undefined && global.allowed.includes(key), { type: 'global' });
}

test('on a 70-script catalog, decide and allows equal the naive reading, explanation included', () => {
  fc.assert(
    fc.property(wideTableArb, subjectArb, keyArb, (table, subject, key) => {
      const index = RuleIndex.build(table, WIDE_KEYS);
      const expected = naive(table, subject, key);
      expect(index.decide(subject, key)).toEqual(expected);
      expect(index.allows(subject, key)).toBe(expected.allowed);
    }),
    { numRuns: 2000 },
  );
});

test('on a 70-script catalog, explain equals the CASL reference engine the bench compares against', () => {
  fc.assert(
    fc.property(wideTableArb, subjectArb, (table, subject) => {
      const expected = CaslReference.build(table, WIDE_KEYS).explain(subject);
      expect(RuleIndex.build(table, WIDE_KEYS).explain(subject)).toEqual(expected);
      expect(expected).toEqual(WIDE_KEYS.map((key) => naive(table, subject, key)));
    }),
    { numRuns: 500 },
  );
});

test('allows refuses an unknown script key as decide does', () => {
  const index = RuleIndex.build(
    { enabled: true, rows: [{ type: 'global', id: 'global', name: 'Global', allowed: [] }] },
    WIDE_KEYS,
  );
  const subject: AccessSubject = { accountId: 'u-ada', groupIds: [], space: SPACES[0]!, isSpaceAdmin: false };
  expect(() => index.allows(subject, 'script-70')).toThrow(RangeError);
});
