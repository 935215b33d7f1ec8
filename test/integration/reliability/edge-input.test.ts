import type { LocalHost } from '../../../local/host/create-host';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, getConfig, global, replaceTable } from '../../support/rules';

let host: LocalHost;
let version: number; // the table's version, before any test saves
beforeAll(async () => {
  host = await startHost();
  version = (await replaceTable(host, true, [global(ALL_SCRIPTS)])).version;
});
afterAll(() => host.close());

const call = (functionKey: string, payload: unknown) =>
  invoke<Envelope<unknown>>(host, 'admin-page', functionKey, payload, ADMIN);

describe('getConfig refuses a cursor it did not give out, with BAD_REQUEST', () => {
  test.each([
    ['not a cursor', () => 'abc'],
    ['a negative offset (an endless loop before)', () => `${version}:-5000`],
    ['an offset inside a page (the wrong page before)', () => `${version}:1`],
    ['an offset past the end', () => `${version}:5000`],
    ['a fraction', () => `${version}:0.5`],
    ['a version that is not a number', () => `x:5000`],
  ])('%s', async (_what, cursor) => {
    const answer = await call('getConfig', { cursor: cursor() });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'cursor' } });
  });

  test('a well-formed cursor of an older version is still CONFLICT', async () => {
    const answer = await call('getConfig', { cursor: `${version + 7}:5000` });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

test.each([
  ['getAuditLog', 'bm90LWEtY3Vyc29y'],
  ['listPermissionJobs', 'bm90LWEtY3Vyc29y'],
  ['listPermissionJobs', 'not a cursor at all'],
])('%s refuses a cursor it did not give out (%j), with BAD_REQUEST', async (functionKey, cursor) => {
  const answer = await call(functionKey, { cursor });
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'cursor' } });
});

describe('half a surrogate pair is BAD_REQUEST naming the field, not INTERNAL', () => {
  test.each(['user', 'group', 'space'])('in a %s search', async (type) => {
    const answer = await call('searchSubjects', { type, query: 'ad\uD800' });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'query' } });
  });

  test('in an access check', async () => {
    const user = await call('explainAccess', { accountId: 'u-\uDC00ada', spaceKey: 'MKT' });
    expect(user.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'accountId' } });
    const space = await call('explainAccess', { accountId: 'u-ada', spaceKey: 'MK\uD83DT' });
    expect(space.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'spaceKey' } });
  });
});

describe('row names refuse control and bidirectional characters, as ids do', () => {
  test.each([
    ['a bell', 'Bob\u0007'],
    ['a right-to-left override', 'Bob\u202Etxt.exe'],
    ['a first-strong isolate', 'Bob\u2068'],
    ['half a surrogate pair', 'Bob\uDBFF'],
  ])('%s', async (_what, name) => {
    const answer = await call('saveConfig', {
      expectedVersion: version,
      upsert: [{ type: 'user', id: 'u-bob', name, allowed: [] }],
    });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'upsert[0].name' } });
  });

  test('a name in another script, with its own marks, is still accepted', async () => {
    const answer = await call('saveConfig', {
      expectedVersion: (await getConfig(host)).version,
      upsert: [{ type: 'user', id: 'u-bob', name: 'בוב Łukasz 😀', allowed: [] }],
    });
    expect(answer.body).toMatchObject({ ok: true });
  });
});
