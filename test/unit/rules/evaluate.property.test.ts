import fc from 'fast-check';
import { AccessSubject, DecidedBy, Row, RuleIndex, RuleTable } from '../../../src/rules';
import { KEYS, subjectArb, tableArb } from './arbitraries';

/**
 * The indexed evaluator against a direct, naive reading of the precedence in docs/rules.md:
 * scan the rows in the order the rules are written.
 */
function naive(
  table: { enabled: boolean; rows: readonly Row[] },
  s: AccessSubject,
  x: string,
): { allowed: boolean; by: string } {
  if (!s.isSpaceAdmin) return { allowed: false, by: 'not-space-admin' };
  if (!table.enabled) return { allowed: true, by: 'feature-off' };
  // 1. a user row decides
  const userRow = table.rows.find((r) => r.type === 'user' && r.id === s.accountId);
  if (userRow) return { allowed: userRow.allowed.includes(x), by: 'user' };
  // 2. any of the user's group rows allows
  const groupRows = table.rows.filter((r) => r.type === 'group' && s.groupIds.includes(r.id));
  if (groupRows.length > 0) return { allowed: groupRows.some((r) => r.allowed.includes(x)), by: 'group' };
  // 3. the space's row decides
  const spaceRow = table.rows.find((r) => r.type === 'space' && r.id === s.space.id);
  if (spaceRow) return { allowed: spaceRow.allowed.includes(x), by: 'space' };
  // 4. Global decides
  const globalRow = table.rows.find((r) => r.type === 'global');
  return { allowed: globalRow !== undefined && globalRow.allowed.includes(x), by: 'global' };
}

/** The ids a correct explanation names, read naively. */
function naiveIds(
  table: RuleTable | { rows: readonly Row[] },
  s: AccessSubject,
  x: string,
  by: string,
  allowed: boolean,
): string[] | undefined {
  if (by === 'user') return [s.accountId];
  if (by === 'space') return [s.space.id];
  if (by === 'group') {
    const matching = table.rows.filter((r) => r.type === 'group' && s.groupIds.includes(r.id));
    return (allowed ? matching.filter((r) => r.allowed.includes(x)) : matching).map((r) => r.id).sort();
  }
  return undefined;
}

function idsOf(d: DecidedBy): string[] | undefined {
  return 'ids' in d ? [...d.ids].sort() : undefined;
}

function namesMatchRows(d: DecidedBy, rows: readonly Row[]): boolean {
  if (!('ids' in d)) return true;
  return d.ids.every((id, i) => rows.some((r) => r.type === d.type && r.id === id && r.name === d.names[i]));
}

/** Only the rows one decision needs, shuffled. */
function partialFor(
  table: RuleTable,
  s: AccessSubject,
  shuffle: (rows: Row[]) => Row[],
): { enabled: boolean; rows: Row[] } {
  const rows = table.rows.filter(
    (r) =>
      r.type === 'global' ||
      (r.type === 'user' && r.id === s.accountId) ||
      (r.type === 'group' && s.groupIds.includes(r.id)) ||
      (r.type === 'space' && r.id === s.space.id),
  );
  return { enabled: table.enabled, rows: shuffle(rows) };
}

const shuffleArb = fc.func(fc.integer()).map(
  (f) => (rows: Row[]) =>
    rows
      .map((r, i) => ({ r, k: f(i) }))
      .sort((a, b) => a.k - b.k)
      .map((e) => e.r),
);

test('RuleIndex.decide equals the naive reading of the four rules, answer and deciding rule', () => {
  fc.assert(
    fc.property(tableArb, subjectArb, fc.constantFrom(...KEYS), (table, subject, key) => {
      const d = RuleIndex.build(table, KEYS).decide(subject, key);
      const expected = naive(table, subject, key);
      expect(d.key).toBe(key);
      expect(d.allowed).toBe(expected.allowed);
      expect(d.decidedBy.type).toBe(expected.by);
      expect(idsOf(d.decidedBy)).toEqual(naiveIds(table, subject, key, expected.by, expected.allowed));
      expect(namesMatchRows(d.decidedBy, table.rows)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test('on a partial table (only the rows one decision needs, in any order) RuleIndex answers as on the full table', () => {
  fc.assert(
    fc.property(tableArb, subjectArb, shuffleArb, (table, subject, shuffle) => {
      const partial = partialFor(table, subject, shuffle);
      const fromPartial = RuleIndex.build(partial, KEYS).explain(subject);
      expect(fromPartial).toEqual(RuleIndex.build(table, KEYS).explain(subject));
      fromPartial.forEach((d) => expect(d.allowed).toBe(naive(partial, subject, d.key).allowed));
    }),
    { numRuns: 1000 },
  );
});

test('explain(subject) is decide(subject, key) for every key, in catalog order', () => {
  fc.assert(
    fc.property(tableArb, subjectArb, (table, subject) => {
      const idx = RuleIndex.build(table, KEYS);
      expect(idx.explain(subject)).toEqual(KEYS.map((k) => idx.decide(subject, k)));
    }),
  );
});
