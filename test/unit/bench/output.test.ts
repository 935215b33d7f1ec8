import { Figures, unmeasured } from '../../bench/module';
import { Machine, table, toJson } from '../../bench/output';

const MACHINE: Machine = {
  date: '2026-12-01T00:00:00.000Z',
  cpu: 'cpu',
  cores: 2,
  loadAverage1m: 1,
  node: 'v22',
  os: 'linux',
};

describe('bench output', () => {
  test('the JSON nests module and dotted figure keys, keeps nulls, and collects notes by path', () => {
    const engine: Figures = { decisionsPerSecond: { label: 'decisions', value: 1234.5 } };
    const calls: Figures = {
      'getMyScripts.kvs': { label: 'kvs', value: 1 },
      'getMyScripts.total': { label: 'total', value: 3, note: 'with the product API' },
    };
    const relay: Figures = { changesPerSecond: unmeasured('changes/s', 'comes later') };
    expect(
      toJson(MACHINE, [
        { key: 'engine', title: 'E', figures: engine },
        { key: 'platformCalls', title: 'P', figures: calls },
        { key: 'relay', title: 'R', figures: relay },
      ]),
    ).toEqual({
      machine: MACHINE,
      engine: { decisionsPerSecond: 1234.5 },
      platformCalls: { getMyScripts: { kvs: 1, total: 3 } },
      relay: { changesPerSecond: null },
      notes: { 'platformCalls.getMyScripts.total': 'with the product API', 'relay.changesPerSecond': 'comes later' },
    });
  });

  test('a table prints one row per figure, with digits, unit, and the reason for a missing value', () => {
    const figures: Figures = {
      rate: { label: 'decisions per second', value: 1234567.8 },
      build: { label: 'build', value: 9.25, digits: 1, unit: 'ms' },
      relay: unmeasured('relay', 'comes later'),
    };
    expect(table({ key: 'e', title: 'Engine', figures }).split('\n')).toEqual([
      '## Engine',
      '',
      '| figure | value |',
      '|---|---|',
      '| decisions per second | 1,234,568 |',
      '| build | 9.3 ms |',
      '| relay | n/a (comes later) |',
    ]);
  });

  test('figures that all name a cell print as a grid', () => {
    const cell = (row: string, column: string, value: number) => ({
      label: `${row} ${column}`,
      value,
      cell: { row, column },
    });
    const figures: Figures = {
      'a.total': cell('getConfig', 'calls', 5),
      'a.kvs': cell('getConfig', 'KVS', 3),
      'b.total': cell('saveConfig', 'calls', 18),
    };
    expect(table({ key: 'p', title: 'Calls', figures }).split('\n').slice(2)).toEqual([
      '| | calls | KVS |',
      '|---|---|---|',
      '| getConfig | 5 | 3 |',
      '| saveConfig | 18 |  |',
    ]);
  });
});
