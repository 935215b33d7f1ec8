/** KVS list queries (paging, prefixes, page limits) and TTL expiry, through the real SDK. */
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { expectKvsError, FakeClock, rawCall, useEmulator } from './support';

/**
 * kvs.query(options) forwards `where` at run time (query.js) though its
 * public type only admits metadataFields: the way to send several clauses.
 */
const queryWith = (options: { where: unknown[] }): ReturnType<typeof kvs.query> =>
  (kvs.query as (options: unknown) => ReturnType<typeof kvs.query>)(options);

const pad = (i: number): string => String(i).padStart(3, '0');

async function seed(prefix: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i += 25) {
    const items = Array.from({ length: Math.min(25, count - i) }, (_, j) => ({
      key: `${prefix}${pad(i + j)}`,
      value: i + j,
    }));
    const result = await kvs.batchSet(items);
    expect(result.failedKeys).toEqual([]);
    keys.push(...items.map((item) => item.key));
  }
  return keys;
}

describe('KVS query', () => {
  const env = useEmulator();

  it('pages through 250 keys with cursors, 100 at a time, in ascending key order', async () => {
    const keys = await seed('item:', 250);
    await kvs.set('other:1', 'not matched');
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany<number>();
      pageSizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageSizes).toEqual([100, 100, 50]);
    expect(seen).toEqual([...keys].sort());
  });

  it('answers 10 results per page when no limit is given', async () => {
    await seed('k', 15);
    const first = await kvs.query().getMany();
    expect(first.results).toHaveLength(10);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvs
      .query()
      .cursor(first.nextCursor as string)
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['k010', 'k011', 'k012', 'k013', 'k014']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('accepts limit 100 and refuses 101 with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await seed('k', 3);
    expect((await kvs.query().limit(100).getMany()).results).toHaveLength(3);
    await expectKvsError(kvs.query().limit(101).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED', 400);
  });

  it('filters keys by prefix only, and getOne answers the first key', async () => {
    await kvs.set('b:2', 2);
    await kvs.set('a:1', 1);
    await kvs.set('b:1', 1);
    expect((await kvs.query().where('key', WhereConditions.beginsWith('b:')).getMany()).results).toEqual([
      { key: 'b:1', value: 1 },
      { key: 'b:2', value: 2 },
    ]);
    expect(await kvs.query().getOne()).toEqual({ key: 'a:1', value: 1 });
    expect(await kvs.query().where('key', WhereConditions.beginsWith('zzz')).getOne()).toBeUndefined();
  });

  it('refuses two where clauses with QUERY_WHERE_INVALID', async () => {
    const where = [
      { property: 'key' as const, ...WhereConditions.beginsWith('a') },
      { property: 'key' as const, ...WhereConditions.beginsWith('b') },
    ];
    await expectKvsError(queryWith({ where }).getMany(), 'QUERY_WHERE_INVALID', 400);
  });

  it('refuses a where on anything but the key with QUERY_WHERE_FIELD_INVALID', async () => {
    const where = [{ property: 'value' as unknown as 'key', ...WhereConditions.beginsWith('a') }];
    await expectKvsError(queryWith({ where }).getMany(), 'QUERY_WHERE_FIELD_INVALID', 400);
  });

  it('refuses conditions other than BEGINS_WITH with INVALID_FILTER_CONDITION', async () => {
    const answer = await rawCall(env.emulator, '/api/v1/query', {
      where: [{ property: 'key', condition: 'EQUAL_TO', values: ['a'] }],
    });
    expect(answer).toEqual({ status: 400, json: { code: 'INVALID_FILTER_CONDITION', message: expect.any(String) } });
  });

  it('refuses a cursor it did not issue with BAD_REQUEST', async () => {
    await expectKvsError(kvs.query().cursor('not-a-cursor').getMany(), 'BAD_REQUEST', 400);
  });

  it('keeps paging correctly when the last key of a page is deleted in between', async () => {
    await seed('p', 6);
    const first = await kvs.query().limit(3).getMany();
    await kvs.delete('p002');
    const second = await kvs
      .query()
      .limit(3)
      .cursor(first.nextCursor as string)
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['p003', 'p004', 'p005']);
  });
});

describe('TTL', () => {
  const clock = new FakeClock();
  const env = useEmulator(() => ({ now: clock.now }));

  it('reads a value until its TTL passes, then as absent', async () => {
    await kvs.set('session', 'alive', { ttl: { value: 30, unit: 'SECONDS' } });
    clock.advance(29_999);
    expect(await kvs.get('session')).toBe('alive');
    clock.advance(1);
    expect(await kvs.get('session')).toBeUndefined();
  });

  it('reports expireTime as an ISO timestamp', async () => {
    const start = clock.ms;
    await kvs.set('lease', 'x', { ttl: { value: 2, unit: 'HOURS' } });
    const result = await kvs.get('lease', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(result).toEqual({
      key: 'lease',
      value: 'x',
      expireTime: new Date(start + 7_200_000).toISOString().replace('.000Z', 'Z'),
    });
  });

  it('purges expired values: gone from queries and from the store', async () => {
    await kvs.set('short', 1, { ttl: { value: 1, unit: 'MINUTES' } });
    await kvs.set('long', 2, { ttl: { value: 1, unit: 'DAYS' } });
    await kvs.set('forever', 3);
    clock.advance(61_000);
    expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['forever', 'long']);
    expect(await kvs.get('short')).toBeUndefined();
    clock.advance(86_400_000);
    expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['forever']);
    expect(env.emulator.storedRecordCount()).toBe(1);
  });

  it('lets FAIL_IF_EXISTS take a key whose value has expired (a lease)', async () => {
    await kvs.set('lease:job', 'worker-1', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 10, unit: 'SECONDS' } });
    await expectKvsError(kvs.set('lease:job', 'worker-2', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_CONFLICT', 409);
    clock.advance(10_000);
    await kvs.set('lease:job', 'worker-2', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('lease:job')).toBe('worker-2');
  });

  it('drops the TTL when a value is written again without one', async () => {
    await kvs.set('k', 1, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.set('k', 2);
    clock.advance(5_000);
    expect(await kvs.get('k')).toBe(2);
  });

  it('refuses a TTL that is not a positive whole number of a known unit', async () => {
    await expectKvsError(kvs.set('k', 1, { ttl: { value: 0, unit: 'SECONDS' } }), 'BAD_REQUEST', 400);
    await expectKvsError(kvs.set('k', 1, { ttl: { value: 1.5, unit: 'HOURS' } }), 'BAD_REQUEST', 400);
    await expectKvsError(kvs.set('k', 1, { ttl: { value: 1, unit: 'WEEKS' as 'DAYS' } }), 'BAD_REQUEST', 400);
  });

  it('expires secrets and entity-free batch writes too', async () => {
    await kvs.setSecret('otp', '123456', { ttl: { value: 5, unit: 'MINUTES' } });
    await kvs.batchSet([{ key: 'b', value: 1, options: { ttl: { value: 5, unit: 'MINUTES' } } }]);
    clock.advance(300_000);
    expect(await kvs.getSecret('otp')).toBeUndefined();
    expect(await kvs.get('b')).toBeUndefined();
  });
});
