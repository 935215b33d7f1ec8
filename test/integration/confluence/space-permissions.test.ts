import { as, BASE_URL, demo, expectV2Error, get, v2Pages } from './helpers';

interface Assignment {
  id: string;
  principal: { type: string; id: string };
  operation: { key: string; targetType: string };
}

const ADMINISTER = { operation: 'administer', targetType: 'space' };

describe('GET /wiki/api/v2/spaces/{id}/permissions', () => {
  const e = demo();

  it('answers {id, principal, operation:{key, targetType}} assignments', async () => {
    const res = await get(e, '/wiki/api/v2/spaces/1004/permissions', as.sam);
    expect(res.status).toBe(200);
    const results = res.body.results as Assignment[];
    expect(results.map(({ principal, operation }) => ({ principal, operation }))).toEqual([
      { principal: { type: 'user', id: 'u-sam' }, operation: { key: 'read', targetType: 'space' } },
      { principal: { type: 'user', id: 'u-sam' }, operation: { key: 'administer', targetType: 'space' } },
      { principal: { type: 'user', id: 'u-sam' }, operation: { key: 'create', targetType: 'page' } },
      { principal: { type: 'user', id: 'u-bob' }, operation: { key: 'read', targetType: 'space' } },
      { principal: { type: 'user', id: 'u-bob' }, operation: { key: 'create', targetType: 'page' } },
      // The demo's space admins may also delete content (the delete scripts need it).
      ...['page', 'blogpost', 'comment', 'attachment'].map((targetType) => ({
        principal: { type: 'user', id: 'u-sam' },
        operation: { key: 'delete', targetType },
      })),
    ]);
    for (const r of results) expect(r.id).toMatch(/^[0-9]+$/);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    expect(res.body._links).toEqual({ base: `${BASE_URL}/wiki` });
  });

  it('pages with a cursor and loses nothing across pages', async () => {
    const whole = (await get(e, '/wiki/api/v2/spaces/1001/permissions?limit=250', as.nina)).body
      .results as Assignment[];
    // 10 grants, then delete page/blogpost/comment/attachment for each of the 5 space admin subjects.
    expect(whole).toHaveLength(30);
    const pages = await v2Pages(e, '/wiki/api/v2/spaces/1001/permissions?limit=7', as.nina);
    expect(pages.map((p) => p.body.results.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flatMap((p) => p.body.results)).toEqual(whole);
    expect(pages[0]?.headers.link).toContain('rel="next"');
  });

  it("lists group grants as groups (isSpaceAdmin through a group is the caller's job)", async () => {
    const all = (await get(e, '/wiki/api/v2/spaces/1002/permissions?limit=250', as.priya)).body.results as Assignment[];
    expect(all).toContainEqual(
      expect.objectContaining({
        principal: { type: 'group', id: 'g-power' },
        operation: { key: 'administer', targetType: 'space' },
      }),
    );
  });

  it('answers 404 for a space the caller cannot view and 400 for bad limits', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/spaces/1004/permissions', as.ada), 404, 'NOT_FOUND');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/9999/permissions', as.sam), 404, 'NOT_FOUND');
    expectV2Error(
      await get(e, '/wiki/api/v2/spaces/1001/permissions?limit=0', as.sam),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expectV2Error(
      await get(e, '/wiki/api/v2/spaces/1001/permissions?limit=300', as.sam),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
  });

  it('shows grants and revokes made on the site model', async () => {
    const e2 = demo();
    const granted = e2.site.grant('1004', { type: 'user', id: 'u-nina' }, { key: 'read', target: 'space' });
    let res = await get(e2, '/wiki/api/v2/spaces/1004/permissions?limit=250', as.nina);
    expect(res.status).toBe(200);
    expect(res.body.results).toContainEqual({
      id: granted.id,
      principal: { type: 'user', id: 'u-nina' },
      operation: { key: 'read', targetType: 'space' },
    });
    expect(e2.site.revoke('1004', granted.id)).toBe(true);
    res = await get(e2, '/wiki/api/v2/spaces/1004/permissions', as.nina);
    expect(res.status).toBe(404);
  });
});

describe('GET /wiki/api/v2/spaces/{id}/operations', () => {
  const e = demo();
  const ops = async (spaceId: string, caller: Parameters<typeof get>[2]): Promise<unknown[]> => {
    const res = await get(e, `/wiki/api/v2/spaces/${spaceId}/operations`, caller);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['operations']);
    return res.body.operations as unknown[];
  };

  it('shows a direct space admin as administer/space', async () => {
    expect(await ops('1001', as.bob)).toContainEqual(ADMINISTER);
    expect(await ops('1004', as.sam)).toEqual([
      { operation: 'read', targetType: 'space' },
      ADMINISTER,
      { operation: 'create', targetType: 'page' },
      { operation: 'delete', targetType: 'page' },
      { operation: 'delete', targetType: 'blogpost' },
      { operation: 'delete', targetType: 'comment' },
      { operation: 'delete', targetType: 'attachment' },
    ]);
  });

  it('shows a space admin through a group (power-users, probation) as administer/space', async () => {
    for (const spaceId of ['1001', '1002', '1003']) {
      expect(await ops(spaceId, as.priya)).toContainEqual(ADMINISTER);
      expect(await ops(spaceId, as.pat)).toContainEqual(ADMINISTER);
    }
  });

  it('gives group-granted operations once each', async () => {
    const list = await ops('1001', as.nina);
    expect(list).toEqual([
      { operation: 'read', targetType: 'space' },
      { operation: 'create', targetType: 'page' },
      { operation: 'create', targetType: 'blogpost' },
      { operation: 'create', targetType: 'comment' },
    ]);
  });

  it('does not make a Confluence admin a space admin', async () => {
    expect(await ops('1001', as.ada)).not.toContainEqual(ADMINISTER);
    expectV2Error(await get(e, '/wiki/api/v2/spaces/1004/operations', as.ada), 404, 'NOT_FOUND');
  });

  it('answers read/space for the app', async () => {
    expect(await ops('1004', as.app)).toEqual([{ operation: 'read', targetType: 'space' }]);
  });

  it('follows a grant through a group at once', async () => {
    const e2 = demo();
    e2.site.grant('1004', { type: 'group', id: 'g-conf-users' }, { key: 'read', target: 'space' });
    e2.site.grant('1004', { type: 'group', id: 'g-conf-users' }, { key: 'administer', target: 'space' });
    const res = await get(e2, '/wiki/api/v2/spaces/1004/operations', as.nina);
    expect(res.body.operations).toContainEqual(ADMINISTER);
    expect(e2.site.isSpaceAdmin('u-nina', '1004')).toBe(true);
  });
});
