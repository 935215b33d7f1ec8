/** Batch get/set/delete: limits, whole-request errors and per-item failures, through the real SDK. */
import { kvs, MetadataField } from '@forge/kvs';
import type { KvsEntityDefinition } from '../../../local/kvs';
import { expectKvsError, useEmulator } from './support';

const entities: KvsEntityDefinition[] = [
  { name: 'rule-row', attributes: { subject: { type: 'string' }, rank: { type: 'integer' } } },
];

const items = (count: number, prefix = 'k'): { key: string; value: number }[] =>
  Array.from({ length: count }, (_, i) => ({ key: `${prefix}${i}`, value: i }));

describe('batch operations', () => {
  useEmulator(() => ({ entities }));

  it('sets, gets and deletes 25 keys in one call each', async () => {
    const set = await kvs.batchSet(items(25));
    expect(set.failedKeys).toEqual([]);
    expect(set.successfulKeys).toHaveLength(25);
    const got = await kvs.batchGet<number>(items(25).map(({ key }) => ({ key })));
    expect(got.failedKeys).toEqual([]);
    expect(got.successfulKeys.map((r) => [r.key, r.value])).toEqual(items(25).map(({ key, value }) => [key, value]));
    const deleted = await kvs.batchDelete(items(25).map(({ key }) => ({ key })));
    expect(deleted.successfulKeys).toHaveLength(25);
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('refuses 26 keys whole with BATCH_LIMIT_EXCEEDED, writing nothing', async () => {
    await expectKvsError(kvs.batchSet(items(26)), 'BATCH_LIMIT_EXCEEDED', 400);
    await expectKvsError(kvs.batchGet(items(26).map(({ key }) => ({ key }))), 'BATCH_LIMIT_EXCEEDED', 400);
    await expectKvsError(kvs.batchDelete(items(26).map(({ key }) => ({ key }))), 'BATCH_LIMIT_EXCEEDED', 400);
    expect(await kvs.get('k0')).toBeUndefined();
  });

  it('refuses an empty batch and a batch naming a key twice, whole', async () => {
    await expectKvsError(kvs.batchSet([]), 'BAD_REQUEST', 400);
    await expectKvsError(
      kvs.batchSet([
        { key: 'dup', value: 1 },
        { key: 'dup', value: 2 },
      ]),
      'DUPLICATE_KEYS',
      400,
    );
    expect(await kvs.get('dup')).toBeUndefined();
  });

  it('treats the same key in the KVS and in an entity as two keys', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'r1', value: 1 },
      { key: 'r1', value: { subject: 'global', rank: 0 }, entityName: 'rule-row' },
    ]);
    expect(result.failedKeys).toEqual([]);
    expect(result.successfulKeys).toEqual([{ key: 'r1' }, { key: 'r1', entityName: 'rule-row' }]);
    expect(await kvs.entity('rule-row').get('r1')).toEqual({ subject: 'global', rank: 0 });
  });

  it('refuses a payload over 4 MB whole with MAX_SIZE', async () => {
    const big = 'x'.repeat(200 * 1024);
    await expectKvsError(kvs.batchSet(items(21).map(({ key }) => ({ key, value: big }))), 'MAX_SIZE', 400);
    expect(await kvs.get('k0')).toBeUndefined();
    const fits = await kvs.batchSet(items(19).map(({ key }) => ({ key, value: big })));
    expect(fits.failedKeys).toEqual([]);
  });

  it('reports a bad item in failedKeys with its code and writes the others', async () => {
    const result = await kvs.batchSet<unknown>([
      { key: 'good', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'too-big', value: 'x'.repeat(240 * 1024) },
      { key: 'row', value: { subject: 'g', rank: 'first' }, entityName: 'rule-row' },
      { key: 'ghost', value: {}, entityName: 'no-such-entity' },
      { key: 'also-good', value: 3 },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'good' }, { key: 'also-good' }]);
    expect(result.failedKeys.map((f) => [f.key, f.entityName, f.error.code])).toEqual([
      ['bad/key', undefined, 'INVALID_KEY'],
      ['too-big', undefined, 'MAX_SIZE'],
      ['row', 'rule-row', 'INVALID_ENTITY_VALUE'],
      ['ghost', 'no-such-entity', 'INVALID_ENTITY_TYPE'],
    ]);
    expect(result.failedKeys.every((f) => f.error.message.length > 0)).toBe(true);
    expect(await kvs.get('good')).toBe(1);
    expect(await kvs.get('also-good')).toBe(3);
  });

  it('reports an absent key of a batch get in failedKeys as KEY_NOT_FOUND', async () => {
    await kvs.set('here', 'yes');
    const result = await kvs.batchGet([{ key: 'here' }, { key: 'gone' }]);
    expect(result.successfulKeys).toEqual([{ key: 'here', value: 'yes' }]);
    expect(result.failedKeys).toEqual([{ key: 'gone', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
  });

  it('answers metadata per item of a batch get when asked', async () => {
    await kvs.set('m', 1, { ttl: { value: 1, unit: 'DAYS' } });
    const items = [{ key: 'm', options: { metadataFields: [MetadataField.EXPIRE_TIME] } }];
    const result = await kvs.batchGet(items as { key: string }[]);
    expect(result.successfulKeys).toEqual([{ key: 'm', value: 1, expireTime: expect.stringMatching(/Z$/) }]);
  });

  it('deletes absent keys without failing them', async () => {
    await kvs.set('a', 1);
    const result = await kvs.batchDelete([{ key: 'a' }, { key: 'never' }]);
    expect(result).toEqual({ successfulKeys: [{ key: 'a' }, { key: 'never' }], failedKeys: [] });
  });
});
