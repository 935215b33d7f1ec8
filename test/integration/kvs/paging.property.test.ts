/**
 * Paging properties, over random data: walking every page of a query with
 * the SDK yields exactly the matching items, in order, each once, and no
 * page is larger than its limit.
 */
import fc from 'fast-check';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { KvsEmulator, type KvsEntityDefinition } from '../../../local/kvs';
import { installEmulator } from './support';

interface Item {
  group: string;
  score: number;
  flag: boolean;
}

const entities: KvsEntityDefinition[] = [
  {
    name: 'item',
    attributes: { group: { type: 'string' }, score: { type: 'integer' }, flag: { type: 'boolean' } },
    indexes: [{ name: 'by-group', partition: ['group'], range: ['score'] }],
  },
];

const keyArb = fc.stringMatching(/^[a-c][a-c0-9:]{0,5}$/);

describe('paging properties', () => {
  it('a KVS prefix query walked page by page yields each matching key once, ascending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(keyArb, { maxLength: 60 }),
        fc.constantFrom('', 'a', 'b:', 'c1'),
        fc.integer({ min: 1, max: 100 }),
        async (keys, prefix, limit) => {
          const emulator = new KvsEmulator();
          installEmulator(emulator);
          for (let i = 0; i < keys.length; i += 25) {
            await kvs.batchSet(keys.slice(i, i + 25).map((key) => ({ key, value: key.length })));
          }
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(limit);
            if (cursor) query = query.cursor(cursor);
            const page = await query.getMany();
            expect(page.results.length).toBeLessThanOrEqual(limit);
            seen.push(...page.results.map((r) => r.key));
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen).toEqual(keys.filter((k) => k.startsWith(prefix)).sort());
          await emulator.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an entity index query walked page by page equals partition, range, filter and sort applied naively', async () => {
    const itemArb = fc.record({
      group: fc.constantFrom('x', 'y'),
      score: fc.integer({ min: -5, max: 5 }),
      flag: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(keyArb, itemArb), { maxLength: 40, selector: ([key]) => key }),
        fc.constantFrom(Sort.ASC, Sort.DESC),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: -5, max: 5 }),
        fc.boolean(),
        async (items, sort, limit, minScore, flag) => {
          const emulator = new KvsEmulator({ entities });
          installEmulator(emulator);
          for (const [key, value] of items) await kvs.entity<Item>('item').set(key, value);
          const filter = new Filter<Item>().and('flag', FilterConditions.equalTo(flag));
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            let query = kvs
              .entity<Item>('item')
              .query()
              .index('by-group', { partition: ['x'] })
              .where(WhereConditions.greaterThanEqualTo(minScore))
              .filters(filter)
              .sort(sort)
              .limit(limit);
            if (cursor) query = query.cursor(cursor);
            const page = await query.getMany();
            expect(page.results.length).toBeLessThanOrEqual(limit);
            seen.push(...page.results.map((r) => r.key));
            cursor = page.nextCursor;
          } while (cursor);
          const expected = items
            .filter(([, v]) => v.group === 'x' && v.score >= minScore && v.flag === flag)
            .sort(([ka, a], [kb, b]) => (a.score - b.score || (ka < kb ? -1 : 1)) * (sort === Sort.ASC ? 1 : -1))
            .map(([key]) => key);
          expect(seen).toEqual(expected);
          await emulator.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
