import fc from 'fast-check';
import {
  applyChanges,
  Change,
  diffTables,
  Row,
  RowSelector,
  rowRef,
  RuleTable,
  SCRIPT_CATALOG,
  sortRows,
} from '../../../src/rules';
import { GROUP_IDS, KEYS, nameArb, SPACES, subjectRowArb, tableArb, USER_IDS } from './arbitraries';

/** Upserts in any key order, with duplicated keys; sometimes the Global row. */
const upsertRowArb: fc.Arbitrary<Row> = fc.oneof(
  fc.tuple(subjectRowArb, fc.shuffledSubarray(KEYS), fc.boolean()).map(([row, allowed, dup]) => ({
    ...row,
    allowed: dup && allowed.length > 0 ? [...allowed, allowed[0]!] : allowed,
  })),
  fc.shuffledSubarray(KEYS).map((allowed): Row => ({ type: 'global', id: 'global', name: 'Global', allowed })),
);

const selectorArb: fc.Arbitrary<RowSelector> = fc.oneof(
  fc.record({ type: fc.constant('user' as const), id: fc.constantFrom(...USER_IDS) }),
  fc.record({ type: fc.constant('group' as const), id: fc.constantFrom(...GROUP_IDS) }),
  fc.record({ type: fc.constant('space' as const), id: fc.constantFrom(...SPACES.map((s) => s.id)) }),
);

const requestArb = fc
  .record({
    enabled: fc.option(fc.boolean(), { nil: undefined }),
    upsert: fc.uniqueArray(upsertRowArb, { selector: (r) => rowRef(r.type, r.id), maxLength: 8 }),
    remove: fc.uniqueArray(selectorArb, { selector: (r) => rowRef(r.type, r.id), maxLength: 6 }),
  })
  .map(({ enabled, upsert, remove }) => {
    const upserted = new Set(upsert.map((r) => rowRef(r.type, r.id)));
    return {
      ...(enabled === undefined ? {} : { enabled }),
      upsert,
      remove: remove.filter((s) => !upserted.has(rowRef(s.type, s.id))),
    };
  });

const inCatalogOrder = (keys: readonly string[]): string[] => KEYS.filter((k) => keys.includes(k));
const byRef = (c: Change): string => ('type' in c ? rowRef(c.type, c.id) : '~toggle');

/** What the request should change, read naively from the request itself. */
function expectedChanges(table: RuleTable, req: { enabled?: boolean; upsert: Row[]; remove: RowSelector[] }): Change[] {
  const out: Change[] = [];
  if (req.enabled !== undefined && req.enabled !== table.enabled)
    out.push({ kind: 'toggle', from: table.enabled, to: req.enabled });
  for (const u of req.upsert) {
    const prev = table.rows.find((r) => r.type === u.type && r.id === u.id);
    const allowed = inCatalogOrder(u.allowed);
    if (!prev) {
      out.push({ kind: 'row-added', type: u.type, id: u.id, name: u.name, allowed });
    } else {
      const added = allowed.filter((k) => !prev.allowed.includes(k));
      const removed = prev.allowed.filter((k) => !allowed.includes(k));
      if (added.length || removed.length)
        out.push({ kind: 'row-changed', type: u.type, id: u.id, name: u.name, added, removed });
    }
  }
  for (const s of req.remove) {
    const prev = table.rows.find((r) => r.type === s.type && r.id === s.id);
    if (prev) out.push({ kind: 'row-removed', type: s.type, id: s.id, name: prev.name });
  }
  return out.sort((a, b) => (byRef(a) < byRef(b) ? -1 : 1));
}

test('applyChanges reports exactly the changes the request makes, and diffTables agrees', () => {
  fc.assert(
    fc.property(tableArb, requestArb, (table, req) => {
      const { table: after, changes } = applyChanges(table, req, SCRIPT_CATALOG);
      expect([...changes].sort((a, b) => (byRef(a) < byRef(b) ? -1 : 1))).toEqual(expectedChanges(table, req));
      expect(changes).toEqual(diffTables(table, after));
    }),
    { numRuns: 1000 },
  );
});

test('applyChanges leaves untouched rows as they were and keeps the canonical order', () => {
  fc.assert(
    fc.property(tableArb, requestArb, (table, req) => {
      const { table: after } = applyChanges(table, req, SCRIPT_CATALOG);
      const touched = new Set([...req.upsert, ...req.remove].map((r) => rowRef(r.type, r.id)));
      const untouchedBefore = table.rows.filter((r) => !touched.has(rowRef(r.type, r.id)));
      const untouchedAfter = after.rows.filter((r) => !touched.has(rowRef(r.type, r.id)));
      expect(untouchedAfter).toEqual(untouchedBefore);
      for (const u of req.upsert) {
        expect(after.rows.find((r) => r.type === u.type && r.id === u.id)).toEqual({
          ...u,
          allowed: inCatalogOrder(u.allowed),
        });
      }
      expect(after.rows).toEqual(sortRows(after.rows));
      expect(after.rows.filter((r) => r.type === 'global')).toHaveLength(1);
    }),
  );
});

test('diffTables of a table with itself is empty; names alone never make a change', () => {
  fc.assert(
    fc.property(tableArb, nameArb, (table, suffix) => {
      expect(diffTables(table, table)).toEqual([]);
      expect(diffTables(table, { ...table, rows: table.rows.map((r) => ({ ...r, name: r.name + suffix })) })).toEqual(
        [],
      );
    }),
  );
});
