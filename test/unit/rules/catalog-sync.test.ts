import fc from 'fast-check';
import { reconcileWithCatalog, Row, RuleTable, Script, SCRIPT_CATALOG } from '../../../src/rules';

const UNIVERSE = [...SCRIPT_CATALOG.map((s) => s.key), 'rename-pages', 'space-statistics', 'retired-one'];
const script = (key: string): Script => ({ key, name: key, description: `Does ${key}.` });

/** A table that knows some scripts (in some order), rows using only known ones. */
const tableArb: fc.Arbitrary<RuleTable> = fc.shuffledSubarray(UNIVERSE).chain((known) =>
  fc
    .record({
      enabled: fc.boolean(),
      global: fc.subarray(known),
      rows: fc.uniqueArray(
        fc.record({
          type: fc.constantFrom('space' as const, 'group' as const, 'user' as const),
          id: fc.constantFrom('a', 'b', 'c', 'd'),
          name: fc.string({ maxLength: 5 }),
          allowed: fc.subarray(known),
        }),
        { selector: (r) => `${r.type}:${r.id}`, maxLength: 6 },
      ),
    })
    .map(({ enabled, global, rows }) => ({
      enabled,
      knownScripts: known,
      rows: [{ type: 'global', id: 'global', name: 'Global', allowed: global } as Row, ...rows],
    })),
);
const catalogArb = fc.shuffledSubarray(UNIVERSE).map((keys) => keys.map(script));

test('new scripts are checked on Global only; dropped scripts leave every row; knownScripts becomes the catalog', () => {
  fc.assert(
    fc.property(tableArb, catalogArb, (table, catalog) => {
      const keys = catalog.map((s) => s.key);
      const { table: out, newScripts } = reconcileWithCatalog(table, catalog);

      expect(newScripts).toEqual(keys.filter((k) => !table.knownScripts.includes(k)));
      expect(out.knownScripts).toEqual(keys);
      expect(out.enabled).toBe(table.enabled);
      expect(out.rows.map((r) => [r.type, r.id, r.name])).toEqual(table.rows.map((r) => [r.type, r.id, r.name]));

      out.rows.forEach((row, i) => {
        const before = table.rows[i]!.allowed;
        const expected = keys.filter((k) => before.includes(k) || (row.type === 'global' && newScripts.includes(k)));
        expect(row.allowed).toEqual(expected);
        if (row.type !== 'global') newScripts.forEach((k) => expect(row.allowed).not.toContain(k));
      });

      expect(reconcileWithCatalog(out, catalog)).toEqual({ table: out, newScripts: [] });
    }),
    { numRuns: 500 },
  );
});

test('a new script that a non-Global row somehow already lists is unchecked there', () => {
  const table: RuleTable = {
    enabled: true,
    knownScripts: ['copy-space'],
    rows: [
      { type: 'global', id: 'global', name: 'Global', allowed: [] },
      { type: 'user', id: 'u', name: 'U', allowed: ['copy-space', 'bulk-labels'] },
    ],
  };
  const { table: out, newScripts } = reconcileWithCatalog(table, [script('copy-space'), script('bulk-labels')]);
  expect(newScripts).toEqual(['bulk-labels']);
  expect(out.rows.map((r) => r.allowed)).toEqual([['bulk-labels'], ['copy-space']]);
});
