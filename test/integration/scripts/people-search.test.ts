import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, invoke, startHost, type Envelope } from '../../support/local-host';

/**
 * searchPeople, the script forms' people picker (Bulk Delete Comments'
 * authors), through the local host: people by name, searched as the caller.
 */
let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

type People = { people: { accountId: string; displayName: string }[] };
const search = (payload: Record<string, unknown>, accountId = 'u-bob') =>
  invoke<Envelope<People>>(host, 'space-settings', 'searchPeople', payload, { accountId, spaceKey: 'MKT' });

test('finds people by part of their name, with their display names', async () => {
  expect(dataOf(await search({ query: 'smi' })).people).toEqual([{ accountId: 'u-bob', displayName: 'Bob Smith' }]);
  const a = dataOf(await search({ query: 'a' })).people.map((p) => p.displayName);
  expect(a).toContain('Ada Lovelace');
  expect(a).toContain('Jane Doe');
  expect(a).not.toContain('Bob Smith');
});

test('an empty query finds nobody; a quote in the query is only text', async () => {
  expect(dataOf(await search({ query: '  ' })).people).toEqual([]);
  expect(dataOf(await search({ query: 'Bob" OR type=user OR "x' })).people).toEqual([]);
});

test('a query over 200 characters, or another field, is refused naming it', async () => {
  expect((await search({ query: 'x'.repeat(201) })).body).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST', field: 'query' },
  });
  expect((await search({ query: 'x', spaceKey: 'HR' })).body).toMatchObject({
    ok: false,
    error: { code: 'BAD_REQUEST' },
  });
});

test('a caller without a signed-in account is refused', async () => {
  const answer = await invoke<Envelope<People>>(
    host,
    'space-settings',
    'searchPeople',
    { query: 'bob' },
    { spaceKey: 'MKT' },
  );
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});
