import { as, BASE_URL, demo, emulatorFor, expectV2Error, get, v2Pages } from './helpers';

const keys = (body: { results: { key: string }[] }): string[] => body.results.map((s) => s.key);

describe('GET /wiki/api/v2/spaces', () => {
  const e = demo();

  it('answers the documented Space shape, sorted by id', async () => {
    const res = await get(e, '/wiki/api/v2/spaces', as.sam);
    expect(res.status).toBe(200);
    expect(keys(res.body)).toEqual(['MKT', 'HR', 'PG', 'ENG']);
    expect(res.body.results[0]).toEqual({
      id: '1001',
      key: 'MKT',
      name: 'Marketing',
      type: 'global',
      status: 'current',
      authorId: 'u-ada',
      createdAt: '2024-01-15T09:00:00.000Z',
      homepageId: '10010001',
      currentActiveAlias: 'MKT',
      _links: { webui: '/spaces/MKT' },
    });
    expect(res.body._links).toEqual({ base: `${BASE_URL}/wiki` });
    expect(res.headers.link).toBeUndefined();
  });

  it('pages with cursor: _links.next starting with /wiki and a Link header', async () => {
    const first = await get(e, '/wiki/api/v2/spaces?limit=1', as.sam);
    expect(first.body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\?limit=1&cursor=[A-Za-z0-9_-]+$/);
    expect(first.headers.link).toBe(`<${first.body._links.next}>; rel="next", <${BASE_URL}/wiki>; rel="base"`);
    const pages = await v2Pages(e, '/wiki/api/v2/spaces?limit=3', as.sam);
    expect(pages.map((p) => keys(p.body))).toEqual([['MKT', 'HR', 'PG'], ['ENG']]);
    expect(pages[1]?.body._links.next).toBeUndefined();
  });

  it('filters by keys and ids (comma-separated or repeated)', async () => {
    expect(keys((await get(e, '/wiki/api/v2/spaces?keys=HR,pg', as.sam)).body)).toEqual(['HR', 'PG']);
    expect(keys((await get(e, '/wiki/api/v2/spaces?ids=1004&ids=1001', as.sam)).body)).toEqual(['MKT', 'ENG']);
    expect(keys((await get(e, '/wiki/api/v2/spaces?keys=NOPE', as.sam)).body)).toEqual([]);
  });

  it('filters by type and status and sorts by name', async () => {
    expect(keys((await get(e, '/wiki/api/v2/spaces?type=personal', as.sam)).body)).toEqual([]);
    expect(keys((await get(e, '/wiki/api/v2/spaces?status=current&sort=-name', as.sam)).body)).toEqual([
      'PG',
      'MKT',
      'HR',
      'ENG',
    ]);
  });

  it('lists only the spaces the caller can view: a Confluence admin sees no more than read grants', async () => {
    expect(keys((await get(e, '/wiki/api/v2/spaces', as.ada)).body)).toEqual(['MKT', 'HR', 'PG']);
    expect(keys((await get(e, '/wiki/api/v2/spaces', as.nina)).body)).toEqual(['MKT', 'HR', 'PG']);
    expect(keys((await get(e, '/wiki/api/v2/spaces', as.bob)).body)).toEqual(['MKT', 'HR', 'PG', 'ENG']);
    expect(keys((await get(e, '/wiki/api/v2/spaces?keys=ENG', as.ada)).body)).toEqual([]);
  });

  it('lets the app see every space', async () => {
    expect(keys((await get(e, '/wiki/api/v2/spaces', as.app)).body)).toEqual(['MKT', 'HR', 'PG', 'ENG']);
  });

  it('needs read/space: administer alone does not show a space', async () => {
    const e2 = emulatorFor({
      users: [{ accountId: 'u-a', displayName: 'A', email: 'a@example.com', apiToken: 't' }],
      spaces: [
        {
          id: '7',
          key: 'X',
          name: 'X',
          permissions: [{ subject: { type: 'user', id: 'u-a' }, operation: { key: 'administer', target: 'space' } }],
        },
      ],
    });
    expect(keys((await get(e2, '/wiki/api/v2/spaces', { kind: 'user', accountId: 'u-a' })).body)).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit=0'],
    ['limit=251', 'limit=251'],
    ['limit=abc', 'limit=abc'],
    ['a bad cursor', 'cursor=!!'],
    ['a non-integer id', 'ids=abc'],
    ['an unknown sort', 'sort=size'],
    ['an unknown type', 'type=secret'],
  ])('answers 400 for %s', async (_name, query) => {
    expectV2Error(await get(e, `/wiki/api/v2/spaces?${query}`, as.sam), 400, 'INVALID_REQUEST_PARAMETER');
  });

  it('accepts limit=250', async () => {
    expect((await get(e, '/wiki/api/v2/spaces?limit=250', as.sam)).status).toBe(200);
  });

  it('pages through more than one page of many spaces', async () => {
    const spaces = Array.from({ length: 60 }, (_, i) => ({
      id: String(2000 + i),
      key: `S${i}`,
      name: `Space ${i}`,
      permissions: [
        {
          subject: { type: 'user' as const, id: 'u-a' },
          operation: { key: 'read' as const, target: 'space' as const },
        },
      ],
    }));
    const e2 = emulatorFor({
      users: [{ accountId: 'u-a', displayName: 'A', email: 'a@example.com', apiToken: 't' }],
      spaces,
    });
    const pages = await v2Pages(e2, '/wiki/api/v2/spaces', { kind: 'user', accountId: 'u-a' });
    expect(pages.map((p) => p.body.results.length)).toEqual([25, 25, 10]);
    expect(new Set(pages.flatMap((p) => keys(p.body))).size).toBe(60);
  });
});

describe('GET /wiki/api/v2/spaces/{id}', () => {
  const e = demo();

  it('answers the space', async () => {
    const res = await get(e, '/wiki/api/v2/spaces/1003', as.pat);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: '1003',
      key: 'PG',
      name: 'Proving Ground',
      _links: { webui: '/spaces/PG', base: `${BASE_URL}/wiki` },
    });
  });

  it('answers 404 for a space the caller cannot view, Confluence admin included', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/spaces/1004', as.ada), 404, 'NOT_FOUND');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/1004', as.nina), 404, 'NOT_FOUND');
    expect((await get(e, '/wiki/api/v2/spaces/1004', as.app)).status).toBe(200);
  });

  it('answers 404 for an unknown id and 400 for a non-integer one', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/spaces/9999', as.sam), 404, 'NOT_FOUND');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/MKT', as.sam), 400, 'INVALID_REQUEST_PARAMETER');
  });
});
