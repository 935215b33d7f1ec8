/** Key and value limits, and plain get/set/delete, through the real @forge/kvs SDK. */
import { kvs, MetadataField } from '@forge/kvs';
import { expectKvsError, FakeClock, useEmulator } from './support';

/** A value nested `levels` containers deep: {a: {a: ... 1}}. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** A string value whose JSON takes exactly `bytes` bytes. */
const valueOfBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

describe('KVS keys', () => {
  const env = useEmulator();

  it('stores, reads back and deletes a value', async () => {
    await kvs.set('rules:global', { enabled: true, scripts: ['copy-space'] });
    expect(await kvs.get('rules:global')).toEqual({ enabled: true, scripts: ['copy-space'] });
    await kvs.delete('rules:global');
    expect(await kvs.get('rules:global')).toBeUndefined();
  });

  it('answers 404 KEY_NOT_FOUND for an absent key, which the SDK reads as undefined', async () => {
    expect(await kvs.get('never-set')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
    expect(env.calls.map((c) => c.status)).toEqual([404, 404]);
  });

  it('accepts a 1-character key and a 500-character key', async () => {
    await kvs.set('k', 1);
    await kvs.set('k'.repeat(500), 2);
    expect(await kvs.get('k')).toBe(1);
    expect(await kvs.get('k'.repeat(500))).toBe(2);
  });

  it('refuses an empty key with KEY_TOO_SHORT', async () => {
    await expectKvsError(kvs.set('', 1), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.get(''), 'KEY_TOO_SHORT', 400);
  });

  it('refuses a 501-character key with KEY_TOO_LONG', async () => {
    await expectKvsError(kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG', 400);
  });

  it.each([['a/b'], ['caf\u00e9'], ['   '], ['semi;colon'], ['star*']])(
    'refuses key %j with INVALID_KEY',
    async (key) => {
      await expectKvsError(kvs.set(key, 1), 'INVALID_KEY', 400);
    },
  );

  it('accepts every character class the documented regex allows', async () => {
    const key = 'aZ09:._- #\tspace inside';
    await kvs.set(key, 'ok');
    expect(await kvs.get(key)).toBe('ok');
  });
});

describe('KVS values', () => {
  useEmulator();

  it('accepts a value of exactly 240 KiB and refuses one byte more with MAX_SIZE', async () => {
    await kvs.set('big', valueOfBytes(240 * 1024));
    expect(((await kvs.get('big')) as string).length).toBe(240 * 1024 - 2);
    await expectKvsError(kvs.set('bigger', valueOfBytes(240 * 1024 + 1)), 'MAX_SIZE', 400);
    expect(await kvs.get('bigger')).toBeUndefined();
  });

  it('counts size in UTF-8 bytes, not characters', async () => {
    // 81,919 characters of 3 bytes each, plus the 2 quote bytes: 245,759 bytes, just under 240 KiB.
    const euro = '\u20ac'.repeat(Math.floor((240 * 1024 - 2) / 3));
    await kvs.set('euro-ok', euro);
    await expectKvsError(kvs.set('euro-big', `${euro}\u20ac`), 'MAX_SIZE', 400);
  });

  it('accepts 32 levels of nesting and refuses 33 with MAX_DEPTH', async () => {
    await kvs.set('deep', nested(32));
    expect(await kvs.get('deep')).toEqual(nested(32));
    await expectKvsError(kvs.set('deeper', nested(33)), 'MAX_DEPTH', 400);
    await expectKvsError(kvs.set('deeper-array', [nested(32)]), 'MAX_DEPTH', 400);
  });

  it('stores every JSON type but null', async () => {
    for (const [key, value] of [
      ['s', 'text'],
      ['n', 0],
      ['b', false],
      ['a', [1, 'x']],
      ['o', {}],
    ] as const) {
      await kvs.set(key, value);
      expect(await kvs.get(key)).toEqual(value);
    }
    await expectKvsError(kvs.set('null', null), 'BAD_REQUEST', 400);
    await expectKvsError(kvs.set('undefined', undefined), 'BAD_REQUEST', 400);
  });
});

describe('KVS set options', () => {
  const clock = new FakeClock();
  useEmulator(() => ({ now: clock.now }));

  it('FAIL_IF_EXISTS writes an absent key and refuses an existing one with 409 KEY_CONFLICT', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_CONFLICT', 409);
    expect(await kvs.get('lock')).toBe('first');
    await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE' });
    expect(await kvs.get('lock')).toBe('third');
  });

  it('returns the previous or the latest value on request', async () => {
    expect(await kvs.set('v', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('v', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'v', value: 1 });
    expect(await kvs.set('v', 3, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'v', value: 3 });
  });

  it('reports metadata: createdAt kept across updates, updatedAt moved, in Unix seconds', async () => {
    const created = clock.ms;
    await kvs.set('meta', 'a');
    clock.advance(5_000);
    await kvs.set('meta', 'b');
    const result = await kvs.get('meta', {
      metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });
    expect(result).toEqual({ key: 'meta', value: 'b', createdAt: created / 1000, updatedAt: created / 1000 + 5 });
    const returned = await kvs.set('meta', 'c', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [MetadataField.UPDATED_AT],
    });
    expect(returned).toEqual({ key: 'meta', value: 'c', updatedAt: created / 1000 + 5 });
  });

  it('refuses an unknown metadata field or key policy with BAD_REQUEST', async () => {
    await kvs.set('x', 1);
    await expectKvsError(kvs.get('x', { metadataFields: ['SIZE' as MetadataField] }), 'BAD_REQUEST', 400);
    await expectKvsError(kvs.set('x', 1, { keyPolicy: 'SOMETIMES' as 'OVERRIDE' }), 'BAD_REQUEST', 400);
  });
});

describe('secrets', () => {
  useEmulator();

  it('live in their own namespace: a secret and a plain key of the same name do not meet', async () => {
    await kvs.setSecret('token', 's3cret');
    await kvs.set('token', 'plain');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBe('plain');
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
    expect(await kvs.get('token')).toBe('plain');
  });

  it('are never listed by query', async () => {
    await kvs.setSecret('relay:secret', 'hidden');
    await kvs.set('relay:url', 'visible');
    const { results } = await kvs.query().getMany();
    expect(results).toEqual([{ key: 'relay:url', value: 'visible' }]);
  });

  it('follow the same key and value limits and FAIL_IF_EXISTS', async () => {
    await expectKvsError(kvs.setSecret('bad/key', 'x'), 'INVALID_KEY', 400);
    await expectKvsError(kvs.setSecret('big', 'x'.repeat(240 * 1024)), 'MAX_SIZE', 400);
    await kvs.setSecret('once', 'a', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.setSecret('once', 'b', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_CONFLICT', 409);
    expect(await kvs.getSecret('absent')).toBeUndefined();
    await expect(kvs.deleteSecret('absent')).resolves.toBeUndefined();
  });
});
