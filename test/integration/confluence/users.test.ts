import { as, BASE_URL, demo, emulatorFor, expectV1Error, get, v1Pages } from './helpers';

const ADMINISTER_APP = { operation: 'administer', targetType: 'application' };

describe('GET /wiki/rest/api/user/current', () => {
  const e = demo();

  it('answers the documented User shape', async () => {
    const res = await get(e, '/wiki/rest/api/user/current', as.bob);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      type: 'known',
      accountId: 'u-bob',
      accountType: 'atlassian',
      email: 'bob@example.com',
      publicName: 'Bob Smith',
      profilePicture: { path: '/wiki/aa-avatar/u-bob', width: 48, height: 48, isDefault: true },
      displayName: 'Bob Smith',
      timeZone: 'Etc/UTC',
      externalCollaborator: false,
      isExternalCollaborator: false,
      isGuest: false,
      _expandable: { personalSpace: '', operations: '' },
      _links: {
        self: `${BASE_URL}/wiki/rest/api/user?accountId=u-bob`,
        base: `${BASE_URL}/wiki`,
        context: '/wiki',
      },
    });
  });

  it('shows a Confluence admin as administer/application with expand=operations', async () => {
    const res = await get(e, '/wiki/rest/api/user/current?expand=operations', as.ada);
    expect(res.body.operations).toContainEqual(ADMINISTER_APP);
    expect(res.body._expandable.operations).toBeUndefined();
  });

  it('does not show administer/application for others', async () => {
    for (const caller of [as.jane, as.priya, as.pat, as.sam, as.nina]) {
      const res = await get(e, '/wiki/rest/api/user/current?expand=operations', caller);
      expect(res.body.operations).toEqual([{ operation: 'use', targetType: 'application' }]);
    }
    // Bob may create spaces in the demo (so Copy Space can be tried), which is not admin either.
    const bob = await get(e, '/wiki/rest/api/user/current?expand=operations', as.bob);
    expect(bob.body.operations).toEqual([
      { operation: 'use', targetType: 'application' },
      { operation: 'create', targetType: 'space' },
    ]);
  });

  it('leaves operations out unless expanded', async () => {
    const res = await get(e, '/wiki/rest/api/user/current', as.ada);
    expect(res.body.operations).toBeUndefined();
  });

  it("answers the app's own user when the app calls as itself", async () => {
    const res = await get(e, '/wiki/rest/api/user/current?expand=operations', as.app);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'known', accountType: 'app', accountId: '557058:forge-app-local' });
    expect(res.body.operations).not.toContainEqual(ADMINISTER_APP);
  });

  it('takes the app user from the fixture when it names one', async () => {
    const e2 = emulatorFor({
      users: [{ accountId: 'u-a', displayName: 'A', email: 'a@example.com', apiToken: 't' }],
      app: { accountId: 'app-1', displayName: 'My app' },
    });
    const res = await get(e2, '/wiki/rest/api/user/current', as.app);
    expect(res.body).toMatchObject({ accountId: 'app-1', displayName: 'My app' });
  });
});

describe('GET /wiki/rest/api/user?accountId=', () => {
  const e = demo();

  it("answers another user's display name", async () => {
    const res = await get(e, '/wiki/rest/api/user?accountId=u-jane', as.bob);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'known', accountId: 'u-jane', displayName: 'Jane Doe' });
  });

  it('expands site operations of the named user', async () => {
    const res = await get(e, '/wiki/rest/api/user?accountId=u-ada&expand=operations', as.nina);
    expect(res.body.operations).toContainEqual(ADMINISTER_APP);
  });

  it('answers 404 for an unknown accountId', async () => {
    const res = await get(e, '/wiki/rest/api/user?accountId=u-ghost', as.bob);
    expectV1Error(res, 404);
    expect(res.body.message).toContain('u-ghost');
  });

  it('answers 400 without accountId', async () => {
    const res = await get(e, '/wiki/rest/api/user', as.bob);
    expectV1Error(res, 400);
    expect(res.body.message).toContain('accountId');
  });
});

describe('GET /wiki/rest/api/user/bulk', () => {
  const e = demo();

  it('answers users for comma-separated and repeated ids, skipping unknown ones', async () => {
    const res = await get(e, '/wiki/rest/api/user/bulk?accountId=u-bob,u-ghost&accountId=u-priya', as.sam);
    expect(res.status).toBe(200);
    expect(res.body.results.map((u: { displayName: string }) => u.displayName)).toEqual(['Bob Smith', 'Priya Patel']);
    expect(res.body).toMatchObject({ start: 0, size: 2, limit: 200 });
    expect(res.body._links).toMatchObject({ base: `${BASE_URL}/wiki`, context: '/wiki' });
  });

  it('answers at most 100 users', async () => {
    const users = Array.from({ length: 120 }, (_, i) => ({
      accountId: `u-${i}`,
      displayName: `User ${i}`,
      email: `u${i}@example.com`,
      apiToken: 't',
    }));
    const big = emulatorFor({ users });
    const ids = users.map((u) => u.accountId).join(',');
    const res = await get(big, `/wiki/rest/api/user/bulk?accountId=${ids}`, { kind: 'user', accountId: 'u-0' });
    expect(res.body.size).toBe(100);
    expect(res.body.results[99].accountId).toBe('u-99');
  });

  it('answers 400 without accountId or with limit out of 1..200', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/user/bulk', as.bob), 400);
    expectV1Error(await get(e, '/wiki/rest/api/user/bulk?accountId=u-bob&limit=0', as.bob), 400);
    expectV1Error(await get(e, '/wiki/rest/api/user/bulk?accountId=u-bob&limit=201', as.bob), 400);
  });
});

describe('GET /wiki/rest/api/user/memberof', () => {
  const e = demo();

  it("lists a user's groups as {type:'group', name, id}", async () => {
    const res = await get(e, '/wiki/rest/api/user/memberof?accountId=u-priya', as.bob);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      {
        type: 'group',
        name: 'confluence-users',
        id: 'g-conf-users',
        _links: { self: `${BASE_URL}/wiki/rest/api/group/by-id?id=g-conf-users` },
      },
      {
        type: 'group',
        name: 'power-users',
        id: 'g-power',
        _links: { self: `${BASE_URL}/wiki/rest/api/group/by-id?id=g-power` },
      },
    ]);
    expect(res.body).toMatchObject({ start: 0, limit: 200, size: 2 });
    expect(res.body._links.next).toBeUndefined();
  });

  it('pages with start/limit and a _links.next relative to /wiki', async () => {
    const first = await get(e, '/wiki/rest/api/user/memberof?accountId=u-ada&limit=1', as.bob);
    expect(first.body).toMatchObject({ start: 0, limit: 1, size: 1 });
    expect(first.body._links.next).toBe('/rest/api/user/memberof?accountId=u-ada&limit=1&start=1');
    const pages = await v1Pages(e, '/wiki/rest/api/user/memberof?accountId=u-ada&limit=1', as.bob);
    expect(pages.flatMap((p) => p.body.results.map((g: { name: string }) => g.name))).toEqual([
      'confluence-administrators',
      'confluence-users',
    ]);
    expect(pages.map((p) => p.body.start)).toEqual([0, 1]);
  });

  it('answers an empty page for a user in no group', async () => {
    const res = await get(e, '/wiki/rest/api/user/memberof?accountId=u-sam', as.bob);
    expect(res.body).toMatchObject({ results: [], size: 0 });
  });

  it('clamps a limit above 200 (the documented system limit) and rejects negatives', async () => {
    const res = await get(e, '/wiki/rest/api/user/memberof?accountId=u-ada&limit=1000', as.bob);
    expect(res.body.limit).toBe(200);
    expectV1Error(await get(e, '/wiki/rest/api/user/memberof?accountId=u-ada&limit=-1', as.bob), 400);
    expectV1Error(await get(e, '/wiki/rest/api/user/memberof?accountId=u-ada&start=x', as.bob), 400);
  });

  it('answers 404 for an unknown user and 400 without accountId', async () => {
    expectV1Error(await get(e, '/wiki/rest/api/user/memberof?accountId=u-ghost', as.bob), 404);
    expectV1Error(await get(e, '/wiki/rest/api/user/memberof', as.bob), 400);
  });
});
