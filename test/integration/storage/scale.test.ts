import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import type { Row, Script } from '../../../src/rules';
import { allDecisionKeys, allTableChunkKeys } from '../../../src/storage/rules/keys';
import { loadDecisionRows, loadTable, saveTable } from '../../../src/storage/rules/repository';
import { startHost } from '../../support/local-host';

/**
 * The layout's promise: a 10,000-row table with 40 scripts stays within
 * Forge's limits (the KVS emulator refuses any value over 240 KiB, any batch
 * over 25 keys, any transaction over 25 operations), even in the worst case
 * of 255-character names and 128-character ids, and a decision reads one batch.
 */
const CATALOG: Script[] = Array.from({ length: 40 }, (_, i) => ({
  key: `script-${i}`,
  name: `Script ${i}`,
  description: '',
}));
const KEYS = CATALOG.map((s) => s.key);

const longId = (prefix: string, i: number) =>
  `${prefix}-${String(i).padStart(6, '0')}-${'x'.repeat(128 - prefix.length - 8)}`;
const longName = (i: number) => `${'N'.repeat(248)}${String(i).padStart(7, '0')}`;

function worstCaseRows(count: number, type: Row['type']): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    type,
    id: longId(type, i),
    name: longName(i),
    allowed: KEYS.filter((_, k) => (i + k) % 3 !== 0),
    ...(type === 'space' ? { key: `K${'Y'.repeat(200)}${i}` } : {}),
  }));
}

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

async function largestValueBytes(keys: string[]): Promise<number> {
  let largest = 0;
  for (let i = 0; i < keys.length; i += 25) {
    const batch = await kvs.batchGet(keys.slice(i, i + 25).map((key) => ({ key })));
    for (const item of batch.successfulKeys) largest = Math.max(largest, Buffer.byteLength(JSON.stringify(item.value)));
  }
  return largest;
}

test.each(['group', 'user', 'space'] as const)(
  '10,000 worst-case %s rows x 40 scripts fit Forge limits and read back whole',
  async (type) => {
    host.kvs.reset();
    const rows = [
      { type: 'global' as const, id: 'global', name: 'Global', allowed: KEYS },
      ...worstCaseRows(9_999, type),
    ];
    const saved = await saveTable({
      expectedVersion: 0,
      accountId: 'u-ada',
      source: 'import',
      catalog: CATALOG,
      change: () => ({ table: { enabled: true, knownScripts: KEYS, rows }, changes: [] }),
    });
    expect(saved.version).toBe(1);

    const loaded = await loadTable(CATALOG);
    expect(loaded.table.rows).toHaveLength(10_000);
    expect(loaded.table.rows.find((r) => r.id === longId(type, 4242))?.allowed).toEqual(
      rows.find((r) => r.id === longId(type, 4242))?.allowed,
    );

    const largest = await largestValueBytes([...allTableChunkKeys(), ...allDecisionKeys()]);
    expect(largest).toBeLessThan(240 * 1024);
    if (process.env.PRINT_SIZES) console.log(`${type}: largest stored value ${(largest / 1024).toFixed(1)} KiB`);

    const decision = await loadDecisionRows(
      longId('user', 7),
      longId('space', 7),
      Array.from({ length: 200 }, (_, i) => longId('group', i)),
      CATALOG,
    );
    expect(decision.rows[0]!.type).toBe('global');
    if (type === 'group') expect(decision.rows.filter((r) => r.type === 'group')).toHaveLength(200);
  },
);
