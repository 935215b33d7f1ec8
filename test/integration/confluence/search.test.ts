import { as, BASE_URL, demo, expectV1Error, get, q, v1Pages } from './helpers';

const userIds = (body: { results: { user: { accountId: string } }[] }): string[] =>
  body.results.map((r) => r.user.accountId);
const spaceKeys = (body: { results: { space: { key: string } }[] }): string[] => body.results.map((r) => r.space.key);

describe('GET /wiki/rest/api/search/user', () => {
  const e = demo();

  it('finds users by user.fullname ~ "..." (case-insensitive), in name order', async () => {
    const res = await get(e, `/wiki/rest/api/search/user?cql=${q('user.fullname ~ "pa"')}`, as.ada);
    expect(res.status).toBe(200);
    expect(userIds(res.body)).toEqual(['u-pat', 'u-priya']);
    expect(res.body.results[0]).toMatchObject({
      user: { type: 'known', accountId: 'u-pat', displayName: 'Pat Morgan' },
      title: 'Pat Morgan',
      entityType: 'user',
      url: '/people/u-pat',
    });
    expect(res.body).toMatchObject({
      start: 0,
      limit: 25,
      size: 2,
      totalSize: 2,
      cqlQuery: 'user.fullname ~ "pa"',
      _links: { base: `${BASE_URL}/wiki`, context: '/wiki' },
    });
  });

  it('takes bare words, wildcards and single quotes', async () => {
    expect(userIds((await get(e, `/wiki/rest/api/search/user?cql=${q('user.fullname~jan*')}`, as.ada)).body)).toEqual([
      'u-jane',
    ]);
    expect(
      userIds((await get(e, `/wiki/rest/api/search/user?cql=${q("user.fullname ~ 'SMITH'")}`, as.ada)).body),
    ).toEqual(['u-bob']);
  });

  it('finds users by accountId: user =, user.accountid =, user IN (...)', async () => {
    expect(userIds((await get(e, `/wiki/rest/api/search/user?cql=${q('user = "u-sam"')}`, as.ada)).body)).toEqual([
      'u-sam',
    ]);
    expect(
      userIds((await get(e, `/wiki/rest/api/search/user?cql=${q('user.accountid = "u-nina"')}`, as.ada)).body),
    ).toEqual(['u-nina']);
    expect(
      userIds((await get(e, `/wiki/rest/api/search/user?cql=${q('user IN ("u-bob", "u-jane")')}`, as.ada)).body),
    ).toEqual(['u-bob', 'u-jane']);
  });

  it('combines clauses with AND, OR, NOT and parentheses', async () => {
    const cql = 'type = user AND (user.fullname ~ "p" OR user = u-bob) AND NOT user.fullname ~ "priya"';
    expect(userIds((await get(e, `/wiki/rest/api/search/user?cql=${q(cql)}`, as.ada)).body)).toEqual([
      'u-bob',
      'u-pat',
    ]);
  });

  it('answers currentUser()', async () => {
    expect(
      userIds((await get(e, `/wiki/rest/api/search/user?cql=${q('user = currentUser()')}`, as.jane)).body),
    ).toEqual(['u-jane']);
  });

  it('pages with start/limit', async () => {
    const pages = await v1Pages(e, `/wiki/rest/api/search/user?cql=${q('type = user')}&limit=3`, as.ada);
    expect(pages.map((p) => p.body.size)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => userIds(p.body))).toHaveLength(7);
    expect(pages[0]?.body._links.next).toMatch(/^\/rest\/api\/search\/user\?cql=.*&limit=3&start=3$/);
  });

  it.each([
    ['no cql', ''],
    ['unparsable cql', `?cql=${q('user.fullname ~ "unterminated')}`],
    ['unknown field', `?cql=${q('space = MKT')}`],
    ['unsupported operator', `?cql=${q('user ~ "u-bob"')}`],
    ['trailing text', `?cql=${q('type = user user')}`],
  ])('answers 400 for %s', async (_name, query) => {
    expectV1Error(await get(e, `/wiki/rest/api/search/user${query}`, as.ada), 400);
  });
});

describe('GET /wiki/rest/api/search (space picker: type = space AND title ~ "...")', () => {
  const e = demo();

  it('finds spaces by title, with the documented search result shape', async () => {
    const res = await get(e, `/wiki/rest/api/search?cql=${q('type = space AND title ~ "mark"')}`, as.bob);
    expect(res.status).toBe(200);
    expect(spaceKeys(res.body)).toEqual(['MKT']);
    expect(res.body.results[0]).toMatchObject({
      space: { id: 1001, key: 'MKT', name: 'Marketing', type: 'global', status: 'current' },
      title: 'Marketing',
      url: '/spaces/MKT',
      entityType: 'space',
    });
    expect(res.body).toMatchObject({ start: 0, limit: 25, size: 1, totalSize: 1 });
  });

  it('takes space.title and space.key too', async () => {
    expect(
      spaceKeys((await get(e, `/wiki/rest/api/search?cql=${q('type=space and space.title~"human"')}`, as.bob)).body),
    ).toEqual(['HR']);
    expect(
      spaceKeys((await get(e, `/wiki/rest/api/search?cql=${q('type=space and space.key in (PG, ENG)')}`, as.bob)).body),
    ).toEqual(['ENG', 'PG']);
  });

  it('only answers spaces the caller can view (a Confluence admin included)', async () => {
    const all = `/wiki/rest/api/search?cql=${q('type = space')}`;
    expect(spaceKeys((await get(e, all, as.ada)).body)).toEqual(['HR', 'MKT', 'PG']);
    expect(spaceKeys((await get(e, all, as.sam)).body)).toEqual(['ENG', 'HR', 'MKT', 'PG']);
    expect(spaceKeys((await get(e, all, as.app)).body)).toEqual(['ENG', 'HR', 'MKT', 'PG']);
  });

  it('pages with a cursor in _links.next', async () => {
    const pages = await v1Pages(e, `/wiki/rest/api/search?cql=${q('type = space')}&limit=2`, as.sam);
    expect(pages.map((p) => spaceKeys(p.body))).toEqual([
      ['ENG', 'HR'],
      ['MKT', 'PG'],
    ]);
    expect(pages[0]?.body._links.next).toMatch(/^\/rest\/api\/search\?cql=.*&limit=2&cursor=/);
    expect(pages[1]?.body.start).toBe(2);
  });

  it('orders by title desc when asked', async () => {
    const res = await get(e, `/wiki/rest/api/search?cql=${q('type = space ORDER BY title DESC')}`, as.sam);
    expect(spaceKeys(res.body)).toEqual(['PG', 'MKT', 'HR', 'ENG']);
  });

  it('finds no content: the emulated site holds none', async () => {
    const res = await get(e, `/wiki/rest/api/search?cql=${q('type = page AND label = "x"')}`, as.sam);
    expect(res.body).toMatchObject({ results: [], size: 0, totalSize: 0 });
  });

  it('refuses user fields, as the deprecation notice says', async () => {
    const res = await get(e, `/wiki/rest/api/search?cql=${q('user.fullname ~ "bob"')}`, as.sam);
    expectV1Error(res, 400);
    expect(res.body.message).toContain('/wiki/rest/api/search/user');
  });

  it('answers 400 for missing cql, unknown fields and bad cursors', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/search', as.sam), 400);
    expectV1Error(await get(e, `/wiki/rest/api/search?cql=${q('colour = red')}`, as.sam), 400);
    expectV1Error(await get(e, `/wiki/rest/api/search?cql=${q('type = space')}&cursor=nonsense`, as.sam), 400);
  });
});
