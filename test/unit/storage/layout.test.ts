import fc from 'fast-check';
import { decodeMask, encodeMask } from '../../../src/storage/rules/mask';
import { bucketOf } from '../../../src/storage/rules/keys';
import {
  decisionRow,
  decodeChunkRows,
  encodeTable,
  sameContent,
  TableChunk,
  DecisionBucket,
} from '../../../src/storage/rules/layout';
import type { RuleTable } from '../../../src/rules';

const SCRIPTS = Array.from({ length: 40 }, (_, i) => `s-${i}`);

describe('script masks', () => {
  it('decode(encode(x)) keeps exactly the known scripts, in catalog order', () => {
    fc.assert(
      fc.property(fc.subarray(SCRIPTS), fc.array(fc.string()), (allowed, unknown) => {
        expect(decodeMask(encodeMask([...allowed, ...unknown], SCRIPTS), SCRIPTS)).toEqual(
          SCRIPTS.filter((s) => allowed.includes(s)),
        );
      }),
    );
  });

  it('takes one hex character per four scripts', () => {
    expect(encodeMask(SCRIPTS, SCRIPTS)).toBe('ffffffffff');
    expect(encodeMask([], SCRIPTS)).toBe('0000000000');
    expect(encodeMask(['s-0', 's-5'], SCRIPTS)).toBe('1200000000');
  });
});

describe('keys', () => {
  it('spreads 10,000 ids evenly over buckets', () => {
    const counts = new Array(64).fill(0);
    for (let i = 0; i < 10_000; i++) counts[bucketOf(`group:${i}-${i * 7919}`, 64)]++;
    expect(Math.max(...counts)).toBeLessThan((10_000 / 64) * 1.4);
    expect(Math.min(...counts)).toBeGreaterThan((10_000 / 64) * 0.6);
  });
});

describe('table layout', () => {
  const table: RuleTable = {
    enabled: true,
    knownScripts: SCRIPTS,
    rows: [
      { type: 'global', id: 'global', name: 'Global', allowed: ['s-1'] },
      { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: [] },
      { type: 'group', id: 'g-power', name: 'power-users', allowed: ['s-3', 's-39'] },
      { type: 'user', id: 'u-bob', name: 'Bob', allowed: ['s-0'] },
    ],
  };

  it('puts every non-global row in one table chunk and one decision bucket, and reads them back', () => {
    const values = encodeTable(table);
    const chunks = [...values.entries()].filter(([k]) => k.startsWith('rules:tbl:'));
    const rows = chunks.flatMap(([, v]) => decodeChunkRows(v as TableChunk, SCRIPTS));
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      table.rows.slice(1).sort((a, b) => a.id.localeCompare(b.id)),
    );
    const buckets = [...values.entries()]
      .filter(([k]) => k.startsWith('rules:dx:'))
      .map(([, v]) => v as DecisionBucket);
    const group = buckets.map((b) => decisionRow(b, 'group', 'g-power', SCRIPTS)).find(Boolean);
    expect(group).toEqual({ type: 'group', id: 'g-power', name: '', allowed: ['s-3', 's-39'] });
    const space = buckets.map((b) => decisionRow(b, 'space', '1001', SCRIPTS)).find(Boolean);
    expect(space?.name).toBe('Marketing');
  });

  it('compares content, not the version stamp, and treats an empty bucket as absent', () => {
    expect(sameContent({ v: 1, m: { a: '1' } }, { v: 9, m: { a: '1' } })).toBe(true);
    expect(sameContent({ v: 1, m: { a: '1' } }, { v: 1, m: { a: '3' } })).toBe(false);
    expect(sameContent({ v: 4, rows: [] }, undefined)).toBe(true);
  });
});
