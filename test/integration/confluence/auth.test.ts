import { as, demo, expectV1Error, expectV2Error, get } from './helpers';

const basic = (user: string, token: string): string => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

describe('authenticate (Basic base64(email:apiToken))', () => {
  const e = demo();

  it.each([
    ['ada@example.com', 'local-ada', 'u-ada'],
    ['bob@example.com', 'local-bob', 'u-bob'],
    ['Priya@Example.com', 'local-priya', 'u-priya'],
  ])('%s with the right token is that user', (email, token, accountId) => {
    expect(e.authenticate(basic(email, token))).toEqual({ kind: 'user', accountId });
  });

  it('takes the scheme in any case', () => {
    expect(e.authenticate(`basic ${Buffer.from('sam@example.com:local-sam').toString('base64')}`)).toEqual({
      kind: 'user',
      accountId: 'u-sam',
    });
  });

  it('treats a missing or empty header as anonymous', () => {
    expect(e.authenticate(undefined)).toEqual({ kind: 'anonymous' });
    expect(e.authenticate('')).toEqual({ kind: 'anonymous' });
  });

  it.each([
    ['wrong token', basic('bob@example.com', 'local-jane')],
    ['token of another case', basic('bob@example.com', 'LOCAL-BOB')],
    ['unknown email', basic('eve@example.com', 'local-eve')],
    ['no colon', `Basic ${Buffer.from('bob@example.com').toString('base64')}`],
    ['empty email', basic('', 'local-bob')],
    ['empty token', basic('bob@example.com', '')],
    ['bearer scheme', 'Bearer local-bob'],
    ['garbage', 'Basic !!!'],
  ])('refuses %s (null: the caller answers 401)', (_name, header) => {
    expect(e.authenticate(header)).toBeNull();
  });
});

describe('anonymous callers', () => {
  const e = demo();

  it.each([
    '/wiki/rest/api/user?accountId=u-bob',
    '/wiki/rest/api/user/bulk?accountId=u-bob',
    '/wiki/rest/api/user/memberof?accountId=u-bob',
    '/wiki/rest/api/search/user?cql=type%3Duser',
    '/wiki/rest/api/search?cql=type%3Dspace',
    '/wiki/rest/api/group',
    '/wiki/rest/api/group/picker?query=p',
    '/wiki/rest/api/group/by-id?id=g-power',
    '/wiki/rest/api/group/g-power/membersByGroupId',
  ])('get the v1 401 body on %s', async (path) => {
    expectV1Error(await get(e, path, as.anonymous), 401);
  });

  it.each([
    '/wiki/api/v2/spaces',
    '/wiki/api/v2/spaces/1001',
    '/wiki/api/v2/spaces/1001/permissions',
    '/wiki/api/v2/spaces/1001/operations',
  ])('get the v2 401 body on %s', async (path) => {
    expectV2Error(await get(e, path, as.anonymous), 401, 'UNAUTHORIZED');
  });

  it('get the anonymous user from /user/current', async () => {
    const res = await get(e, '/wiki/rest/api/user/current', as.anonymous);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'anonymous', displayName: 'Anonymous', _expandable: { operations: '' } });
    expect(res.body.accountId).toBeUndefined();
  });

  it('get no operations when /user/current expands them', async () => {
    const res = await get(e, '/wiki/rest/api/user/current?expand=operations', as.anonymous);
    expect(res.body.operations).toEqual([]);
  });

  it('may read /user/anonymous', async () => {
    const res = await get(e, '/wiki/rest/api/user/anonymous', as.anonymous);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('anonymous');
  });
});

describe('unknown paths and methods', () => {
  const e = demo();

  it('answers 404 in the v1 shape under /wiki/rest', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/nothing-here', as.bob), 404);
  });

  it('answers 404 in the v2 shape under /wiki/api/v2', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/nothing-here', as.bob), 404, 'NOT_FOUND');
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const res = await e.handle({ method: 'DELETE', path: '/wiki/api/v2/spaces/1001', headers: {} }, as.bob);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
    expect(JSON.parse(res.body).errors[0].code).toBe('METHOD_NOT_ALLOWED');
  });
});
