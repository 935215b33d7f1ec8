/** Transactions: limits, all-or-nothing, entity-only conditions and concurrency, through the real SDK. */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { KvsEntityDefinition } from '../../../local/kvs';
import { expectKvsError, rawCall, useEmulator } from './support';

interface Doc {
  version: number;
  body: string;
  owner?: string;
}

const entities: KvsEntityDefinition[] = [
  {
    name: 'rules-doc',
    attributes: { version: { type: 'integer' }, body: { type: 'string' }, owner: { type: 'string' } },
    indexes: ['version'],
  },
];

const docs = kvs.entity<Doc>('rules-doc');
const atVersion = (version: number): Filter<Doc> =>
  new Filter<Doc>().and('version', FilterConditions.equalTo(version)) as Filter<Doc>;

describe('transactions', () => {
  const env = useEmulator(() => ({ entities }));

  it('commits sets and deletes of plain keys and entities together', async () => {
    await kvs.set('old', 'x');
    await kvs
      .transact()
      .set('a', 1)
      .set('b', { two: 2 }, undefined, { ttl: { value: 1, unit: 'DAYS' } })
      .set('d1', { version: 1, body: 'first' }, { entityName: 'rules-doc' })
      .delete('old')
      .delete('never-existed')
      .execute();
    expect(await kvs.get('a')).toBe(1);
    expect(await kvs.get('b')).toEqual({ two: 2 });
    expect(await docs.get('d1')).toEqual({ version: 1, body: 'first' });
    expect(await kvs.get('old')).toBeUndefined();
  });

  it('accepts 25 operations and refuses 26 with TRANSACTION_LIMIT_EXCEEDED, writing nothing', async () => {
    const build = (count: number): ReturnType<typeof kvs.transact> => {
      const tx = kvs.transact();
      for (let i = 0; i < count; i++) tx.set(`t${i}`, i);
      return tx;
    };
    await expectKvsError(build(26).execute(), 'TRANSACTION_LIMIT_EXCEEDED', 400);
    expect(await kvs.get('t0')).toBeUndefined();
    await build(25).execute();
    expect(await kvs.get('t24')).toBe(24);
  });

  it('counts checks and deletes towards the 25', async () => {
    await docs.set('d', { version: 1, body: '' });
    const tx = kvs.transact();
    for (let i = 0; i < 24; i++) tx.delete(`x${i}`);
    tx.check('d', { entityName: 'rules-doc', conditions: atVersion(1) });
    await tx.execute();
    tx.set('one-more', 1);
    await expectKvsError(tx.execute(), 'TRANSACTION_LIMIT_EXCEEDED', 400);
  });

  it('refuses a key used twice with DUPLICATE_KEYS, writing nothing', async () => {
    await expectKvsError(kvs.transact().set('k', 1).set('other', 2).delete('k').execute(), 'DUPLICATE_KEYS', 400);
    expect(await kvs.get('other')).toBeUndefined();
  });

  it('treats a plain key and an entity key of the same name as different keys', async () => {
    await kvs
      .transact()
      .set('same', 'plain')
      .set('same', { version: 1, body: 'doc' }, { entityName: 'rules-doc' })
      .execute();
    expect(await kvs.get('same')).toBe('plain');
    expect(await docs.get('same')).toEqual({ version: 1, body: 'doc' });
  });

  it('refuses a payload over 4 MB with MAX_SIZE', async () => {
    const tx = kvs.transact();
    for (let i = 0; i < 20; i++) tx.set(`big${i}`, 'x'.repeat(220 * 1024));
    await expectKvsError(tx.execute(), 'MAX_SIZE', 400);
    expect(await kvs.get('big0')).toBeUndefined();
  });

  it('writes nothing when one operation is invalid', async () => {
    await expectKvsError(kvs.transact().set('fine', 1).set('bad/key', 2).execute(), 'INVALID_KEY', 400);
    await expectKvsError(
      kvs
        .transact()
        .set('fine', 1)
        .set('d', { version: 'one' } as unknown as Doc, { entityName: 'rules-doc' })
        .execute(),
      'INVALID_ENTITY_VALUE',
      400,
    );
    expect(await kvs.get('fine')).toBeUndefined();
  });

  it('writes nothing when a condition fails, answering 409 CONDITIONAL_CHECK_FAILED', async () => {
    await docs.set('d', { version: 3, body: 'current' });
    await kvs.set('plain', 'before');
    const error = await expectKvsError(
      kvs
        .transact()
        .set('plain', 'after')
        .set<Doc>('d', { version: 4, body: 'stale edit' }, { entityName: 'rules-doc', conditions: atVersion(2) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(error.message).toMatch(/rules-doc/);
    expect(await docs.get('d')).toEqual({ version: 3, body: 'current' });
    expect(await kvs.get('plain')).toBe('before');
  });

  it('commits when every condition holds', async () => {
    await docs.set('d', { version: 3, body: 'current' });
    await docs.set('lock', { version: 1, body: '', owner: 'ada' });
    await kvs
      .transact()
      .set<Doc>('d', { version: 4, body: 'next' }, { entityName: 'rules-doc', conditions: atVersion(3) })
      .check('lock', {
        entityName: 'rules-doc',
        conditions: new Filter<Doc>().and('owner', FilterConditions.equalTo('ada')),
      })
      .execute();
    expect(await docs.get('d')).toEqual({ version: 4, body: 'next' });
  });

  it('fails a check whose conditions do not hold, and a conditional delete likewise', async () => {
    await docs.set('d', { version: 1, body: '' });
    await kvs.set('p', 1);
    await expectKvsError(
      kvs
        .transact()
        .set('p', 2)
        .check('d', { entityName: 'rules-doc', conditions: atVersion(9) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    await expectKvsError(
      kvs
        .transact()
        .delete('d', { entityName: 'rules-doc', conditions: atVersion(9) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(await kvs.get('p')).toBe(1);
    expect(await docs.get('d')).toEqual({ version: 1, body: '' });
    await kvs
      .transact()
      .delete('d', { entityName: 'rules-doc', conditions: atVersion(1) })
      .execute();
    expect(await docs.get('d')).toBeUndefined();
  });

  it('reads an absent entity as one with no attributes: NOT_EXISTS holds, EQUAL_TO does not', async () => {
    const create = new Filter<Doc>().and('version', FilterConditions.notExists());
    await kvs
      .transact()
      .set<Doc>('new', { version: 1, body: 'created' }, { entityName: 'rules-doc', conditions: create })
      .execute();
    await expectKvsError(
      kvs
        .transact()
        .set<Doc>('new', { version: 1, body: 'again' }, { entityName: 'rules-doc', conditions: create })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    await expectKvsError(
      kvs
        .transact()
        .check('absent', { entityName: 'rules-doc', conditions: atVersion(1) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(await docs.get('new')).toEqual({ version: 1, body: 'created' });
  });

  it('refuses conditions on plain keys: they exist only for entities', async () => {
    const onPlainSet = await rawCall(env.emulator, '/api/v1/transaction', {
      set: [
        { key: 'plain', value: 1, conditions: { and: [{ property: 'version', condition: 'EQUAL_TO', values: [1] }] } },
      ],
    });
    expect(onPlainSet).toEqual({
      status: 400,
      json: { code: 'BAD_REQUEST', message: expect.stringMatching(/only supported for the Custom Entity Store/) },
    });
    const plainCheck = await rawCall(env.emulator, '/api/v1/transaction', {
      check: [{ key: 'plain', conditions: { and: [{ property: 'version', condition: 'EXISTS', values: [true] }] } }],
    });
    expect(plainCheck.status).toBe(400);
    expect(await kvs.get('plain')).toBeUndefined();
  });

  it('refuses an empty transaction', async () => {
    await expectKvsError(kvs.transact().execute(), 'BAD_REQUEST', 400);
  });

  it('lets exactly one of 20 concurrent conditional writes on the same version win', async () => {
    await docs.set('shared', { version: 1, body: 'v1' });
    const attempts = Array.from({ length: 20 }, (_, i) =>
      kvs
        .transact()
        .set<Doc>('shared', { version: 2, body: `edit ${i}` }, { entityName: 'rules-doc', conditions: atVersion(1) })
        .set(`audit:${i}`, { editor: i })
        .execute(),
    );
    const outcomes = await Promise.allSettled(attempts);
    const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(ForgeKvsAPIError);
      expect((loser.reason as ForgeKvsAPIError).code).toBe('CONDITIONAL_CHECK_FAILED');
    }
    expect(await docs.get('shared')).toEqual({ version: 2, body: `edit ${winners[0]}` });
    const audit = await kvs
      .query()
      .where('key', { condition: 'BEGINS_WITH', values: ['audit:'] })
      .getMany();
    expect(audit.results).toEqual([{ key: `audit:${winners[0]}`, value: { editor: winners[0] } }]);
  });
});
