import { as, BASE_URL, demo, emulatorFor, expectV1Error, get, v1Pages } from './helpers';

const names = (body: { results: { name: string }[] }): string[] => body.results.map((g) => g.name);

describe('GET /wiki/rest/api/group/picker', () => {
  const e = demo();

  it('finds groups whose name contains the query, in name order', async () => {
    const res = await get(e, '/wiki/rest/api/group/picker?query=CONFLUENCE', as.ada);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['confluence-administrators', 'confluence-users']);
    expect(res.body).toMatchObject({ start: 0, limit: 200, size: 2 });
    expect(res.body.results[0]).toEqual({
      type: 'group',
      name: 'confluence-administrators',
      id: 'g-conf-admins',
      _links: { self: `${BASE_URL}/wiki/rest/api/group/by-id?id=g-conf-admins` },
    });
  });

  it('pages, and gives totalSize when asked', async () => {
    const first = await get(e, '/wiki/rest/api/group/picker?query=r&limit=2&shouldReturnTotalSize=true', as.ada);
    expect(first.body.totalSize).toBe(4);
    const pages = await v1Pages(e, '/wiki/rest/api/group/picker?query=r&limit=2', as.ada);
    expect(pages).toHaveLength(2);
    expect(pages.flatMap((p) => names(p.body))).toEqual([
      'confluence-administrators',
      'confluence-users',
      'power-users',
      'probation',
    ]);
    expect(pages[0]?.body.totalSize).toBeUndefined();
  });

  it('answers 400 without a query', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/group/picker', as.ada), 400);
    expectV1Error(await get(e, '/wiki/rest/api/group/picker?query=p&shouldReturnTotalSize=maybe', as.ada), 400);
  });
});

describe('GET /wiki/rest/api/group/by-id', () => {
  const e = demo();

  it('answers the group', async () => {
    const res = await get(e, '/wiki/rest/api/group/by-id?id=g-probation', as.nina);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'group', name: 'probation', id: 'g-probation' });
  });

  it('answers 404 for an unknown id and 400 without one', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/group/by-id?id=g-ghost', as.nina), 404);
    expectV1Error(await get(e, '/wiki/rest/api/group/by-id', as.nina), 400);
  });
});

describe('GET /wiki/rest/api/group/{groupId}/membersByGroupId', () => {
  const e = demo();

  it('lists members as users, in display-name order', async () => {
    const res = await get(e, '/wiki/rest/api/group/g-conf-users/membersByGroupId', as.ada);
    expect(res.status).toBe(200);
    expect(res.body.results.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Ada Lovelace',
      'Bob Smith',
      'Jane Doe',
      'Nina Novak',
      'Pat Morgan',
      'Priya Patel',
    ]);
    expect(res.body.results[0]).toMatchObject({ type: 'known', accountId: 'u-ada', accountType: 'atlassian' });
  });

  it('pages through more than one page', async () => {
    const pages = await v1Pages(e, '/wiki/rest/api/group/g-conf-users/membersByGroupId?limit=4', as.ada);
    expect(pages.map((p) => p.body.size)).toEqual([4, 2]);
    expect(pages[0]?.body._links.next).toBe('/rest/api/group/g-conf-users/membersByGroupId?limit=4&start=4');
  });

  it('decodes the group id in the path', async () => {
    const e2 = emulatorFor({
      users: [{ accountId: 'u-a', displayName: 'A', email: 'a@example.com', apiToken: 't' }],
      groups: [{ id: 'a/b c', name: 'odd', members: ['u-a'] }],
    });
    const res = await get(e2, `/wiki/rest/api/group/${encodeURIComponent('a/b c')}/membersByGroupId`, {
      kind: 'user',
      accountId: 'u-a',
    });
    expect(res.body.size).toBe(1);
  });

  it('answers 404 for an unknown group', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/group/g-ghost/membersByGroupId', as.ada), 404);
  });
});

describe('GET /wiki/rest/api/group', () => {
  it('lists every group in name order, paged', async () => {
    const e = demo();
    const pages = await v1Pages(e, '/wiki/rest/api/group?limit=3', as.bob);
    expect(pages.flatMap((p) => names(p.body))).toEqual([
      'confluence-administrators',
      'confluence-users',
      'power-users',
      'probation',
    ]);
  });
});
