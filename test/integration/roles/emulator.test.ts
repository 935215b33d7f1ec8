// The emulated site's space roles: the three v2 role endpoints, v1 writes on
// roles-only sites, role-derived permission rows, and "grant what you have".
import { ConfluenceEmulator, loadDirectory, type Caller } from '../../../local/confluence';
import { as, BASE_URL, expectV1Error, expectV2Error, get, v2Pages } from '../confluence/helpers';

const fixture = (name: string) =>
  new ConfluenceEmulator(loadDirectory(`${__dirname}/../../../local/fixtures/${name}.json`), { baseUrl: BASE_URL });

async function post(e: ConfluenceEmulator, path: string, body: unknown, caller: Caller) {
  const res = await e.handle(
    { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    caller,
  );
  return { status: res.status, body: res.body ? JSON.parse(res.body) : undefined };
}

const user = (id: string) => ({ principalType: 'USER', principalId: id });

describe('space role mode', () => {
  it.each([
    ['demo', 'PRE_ROLES'],
    ['demo-transition', 'ROLES_TRANSITION'],
    ['demo-roles', 'ROLES'],
  ])('%s answers %s', async (name, mode) => {
    const res = await get(fixture(name), '/wiki/api/v2/space-role-mode', as.nina);
    expect(res).toMatchObject({ status: 200, body: { mode } });
  });

  it('needs read:configuration:confluence', () => {
    expect(fixture('demo').requiredScopes('GET', '/wiki/api/v2/space-role-mode')).toEqual([
      'read:configuration:confluence',
    ]);
    expect(fixture('demo').requiredScopes('GET', '/wiki/api/v2/spaces/1001/role-assignments')).toEqual([
      'read:space.permission:confluence',
    ]);
  });
});

describe('GET /space-roles', () => {
  it('pages through every role with cursors, filters by type, and checks its parameters', async () => {
    const e = fixture('demo-roles');
    const pages = await v2Pages(e, '/wiki/api/v2/space-roles?limit=2', as.nina);
    expect(pages.map((p) => p.body.results.length)).toEqual([2, 2, 1]);
    expect(pages[0]!.headers.link).toMatch(/rel="next"/);
    const all = pages.flatMap((p) => p.body.results);
    expect(all.map((r: { name: string }) => r.name)).toEqual([
      'Admin',
      'Manager',
      'Collaborator',
      'Viewer',
      'Publisher',
    ]);
    expect(all[0]).toEqual({
      id: 'r-admin',
      type: 'SYSTEM',
      name: 'Admin',
      description: expect.any(String),
      spacePermissions: expect.arrayContaining(['read/space', 'administer/space']),
    });
    const custom = await get(e, '/wiki/api/v2/space-roles?role-type=CUSTOM', as.nina);
    expect(custom.body.results.map((r: { id: string }) => r.id)).toEqual(['r-publisher']);
    expectV2Error(await get(e, '/wiki/api/v2/space-roles?limit=251', as.nina), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(
      await get(e, '/wiki/api/v2/space-roles?principal-id=u-bob', as.nina),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    const bobs = await get(e, '/wiki/api/v2/space-roles?space-id=1004&principal-type=USER&principal-id=u-bob', as.sam);
    expect(bobs.body.results.map((r: { id: string }) => r.id)).toEqual(['r-publisher']);
  });

  it("provides Confluence's four system roles when a roles fixture lists none, and none on PRE_ROLES sites", async () => {
    const names = (await get(fixture('demo-transition'), '/wiki/api/v2/space-roles', as.nina)).body.results.map(
      (r: { name: string }) => r.name,
    );
    expect(names).toEqual(['Admin', 'Manager', 'Collaborator', 'Viewer']);
    expectV2Error(await get(fixture('demo'), '/wiki/api/v2/space-roles', as.nina), 400, 'INVALID_REQUEST_PARAMETER');
  });
});

describe('role assignments', () => {
  it("lists a space's assignments with filters, and 404 for a space the caller cannot see", async () => {
    const e = fixture('demo-roles');
    const all = (await v2Pages(e, '/wiki/api/v2/spaces/1001/role-assignments?limit=4', as.nina)).flatMap(
      (p) => p.body.results,
    );
    expect(all).toHaveLength(6);
    expect(all[0]).toEqual({
      principal: { principalType: 'GROUP', principalId: 'g-conf-users' },
      roleId: 'r-collaborator',
    });
    const admins = await get(e, '/wiki/api/v2/spaces/1001/role-assignments?role-id=r-admin', as.nina);
    expect(admins.body.results).toHaveLength(5);
    expectV2Error(await get(e, '/wiki/api/v2/spaces/1004/role-assignments', as.nina), 404, 'NOT_FOUND');
  });

  it('counts role permissions, through groups and access classes, as space permissions', async () => {
    const e = fixture('demo-roles');
    expect(e.site.isSpaceAdmin('u-priya', '1001')).toBe(true); // power-users -> Admin
    expect(e.site.isSpaceAdmin('u-nina', '1001')).toBe(false); // confluence-users -> Collaborator
    expect(e.site.isSpaceAdmin('u-nina', '1005')).toBe(true); // all-licensed-users -> Admin
    const ops = await get(e, '/wiki/api/v2/spaces/1001/operations', as.priya);
    expect(ops.body.operations).toContainEqual({ operation: 'administer', targetType: 'space' });
    const rows = (await v2Pages(e, '/wiki/api/v2/spaces/1005/permissions?limit=250', as.sam)).flatMap(
      (p) => p.body.results,
    );
    expect(rows).toContainEqual({
      id: expect.any(String),
      principal: { type: 'access_class', id: 'all-licensed-users' },
      operation: { key: 'administer', targetType: 'space' },
    });
  });

  it('sets, replaces and removes roles; each principal holds one role per space', async () => {
    const e = fixture('demo-roles');
    const path = '/wiki/api/v2/spaces/1004/role-assignments';
    const set = await post(e, path, [{ principal: user('u-nina'), roleId: 'r-viewer' }], as.sam);
    expect(set).toEqual({
      status: 200,
      body: { results: [{ principal: user('u-nina'), roleId: 'r-viewer' }], _links: expect.any(Object) },
    });
    await post(e, path, [{ principal: user('u-nina'), roleId: 'r-publisher' }], as.sam);
    expect(e.site.roles.assignments('1004').filter((a) => a.principal.principalId === 'u-nina')).toEqual([
      { principal: user('u-nina'), roleId: 'r-publisher' },
    ]);
    const removed = await post(e, path, [{ principal: user('u-nina') }], as.sam);
    expect(removed.body.results).toEqual([{ principal: user('u-nina') }]);
    expect(e.site.roles.roleOf('1004', user('u-nina') as never)).toBeUndefined();
    expect(e.site.roles.changes.map((c) => [c.fromRoleId ?? null, c.toRoleId ?? null])).toEqual([
      [null, 'r-viewer'],
      ['r-viewer', 'r-publisher'],
      ['r-publisher', null],
    ]);
  });

  it('refuses bad bodies, unknown roles and principals, non-admins and apps, changing nothing', async () => {
    const e = fixture('demo-roles');
    const path = '/wiki/api/v2/spaces/1004/role-assignments';
    const notAnArray = await post(e, path, { nope: 1 }, as.sam);
    expectV2Error({ ...notAnArray, headers: {} }, 400, 'INVALID_REQUEST_PARAMETER');
    const unknownRole = await post(e, path, [{ principal: user('u-nina'), roleId: 'r-nope' }], as.sam);
    expect(unknownRole.status).toBe(400);
    const partlyBad = await post(
      e,
      path,
      [
        { principal: user('u-nina'), roleId: 'r-viewer' },
        { principal: user('u-ghost'), roleId: 'r-viewer' },
      ],
      as.sam,
    );
    expect(partlyBad.status).toBe(400);
    expect((await post(e, path, [{ principal: user('u-nina'), roleId: 'r-viewer' }], as.bob)).status).toBe(404);
    expect((await post(e, path, [{ principal: user('u-nina'), roleId: 'r-viewer' }], as.app)).status).toBe(404);
    expect(e.site.roles.changes).toEqual([]);
  });

  it('lets a space admin assign only what they hold; a Confluence admin is exempt', async () => {
    const e = fixture('demo-roles');
    // Bob administers MKT through the Admin role; give him a space where he holds only Publisher plus admin.
    e.site.roles.assign('1004', user('u-bob') as never, 'r-publisher');
    e.site.grant('1004', { type: 'user', id: 'u-bob' }, { key: 'administer', target: 'space' });
    const path = '/wiki/api/v2/spaces/1004/role-assignments';
    const refused = await post(e, path, [{ principal: user('u-nina'), roleId: 'r-admin' }], as.bob);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].title).toMatch(/grants space permissions you do not have yourself/);
    expect((await post(e, path, [{ principal: user('u-nina'), roleId: 'r-publisher' }], as.bob)).status).toBe(200);
    expect((await post(e, path, [{ principal: user('u-nina'), roleId: 'r-admin' }], as.ada)).status).toBe(200);
  });

  it('answers 413 over 5 MB', async () => {
    const e = fixture('demo-roles');
    const big = Array.from({ length: 60_000 }, (_, i) => ({
      principal: user(`u-${'x'.repeat(60)}${i}`),
      roleId: 'r-viewer',
    }));
    expect((await post(e, '/wiki/api/v2/spaces/1004/role-assignments', big, as.sam)).status).toBe(413);
  });
});

describe('v1 permission writes', () => {
  const grant = { subject: { type: 'user', identifier: 'u-nina' }, operation: { key: 'read', target: 'space' } };

  it('are refused on ROLES sites with InvalidRbacOperationException', async () => {
    const e = fixture('demo-roles');
    const res = await post(e, '/wiki/rest/api/space/ENG/permission', grant, as.sam);
    expectV1Error({ ...res, headers: {} }, 400);
    expect(res.body.message).toMatch(/InvalidRbacOperationException/);
    expect(e.site.changes).toEqual([]);
  });

  it('still work on ROLES_TRANSITION sites', async () => {
    const e = fixture('demo-transition');
    expect((await post(e, '/wiki/rest/api/space/ENG/permission', grant, as.sam)).status).toBe(200);
  });
});
