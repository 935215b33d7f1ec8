// What the tree scripts needed beyond the content emulator: a page update
// (Copy Space fills the new home page), space creation with a given set of
// permissions (the app creates the space for the person who ran the copy),
// and the Create Space global permission among a user's operations.
import type { Caller, ConfluenceEmulator } from '../../../local/confluence';
import { as, contentEmulator } from './content-site';
import { expectV1Error, expectV2Error, get, type JsonResponse } from './helpers';

const app: Caller = { kind: 'app' };

async function send(
  e: ConfluenceEmulator,
  method: string,
  path: string,
  caller: Caller,
  body?: unknown,
): Promise<JsonResponse> {
  const res = await e.handle(
    {
      method,
      path,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    caller,
  );
  return { status: res.status, headers: res.headers, body: res.body === '' ? undefined : JSON.parse(res.body) };
}

const update = (id: string, title: string, version: number) => ({
  id,
  status: 'current',
  title,
  body: { representation: 'storage', value: `<p>${title}</p>` },
  version: { number: version },
});

describe('v2 PUT /pages/{id}', () => {
  it('writes a new version with the new title and body', async () => {
    const e = contentEmulator();
    const res = await send(e, 'PUT', '/wiki/api/v2/pages/112', as.bob, update('112', 'How to use it', 2));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: '112', title: 'How to use it', version: { number: 2 } });
    const read = await get(e, '/wiki/api/v2/pages/112?body-format=storage', as.bob);
    expect(read.body.body.storage.value).toBe('<p>How to use it</p>');
    // the old title is free again, the new one is taken
    const taken = await send(e, 'POST', '/wiki/api/v2/pages', as.bob, { spaceId: '2001', title: 'How to use it' });
    expectV2Error(taken, 400, 'INVALID_REQUEST_PARAMETER');
    expect((await send(e, 'POST', '/wiki/api/v2/pages', as.bob, { spaceId: '2001', title: 'Usage' })).status).toBe(200);
  });

  it('refuses a stale version (409), a taken title (400), and changes nothing', async () => {
    const e = contentEmulator();
    expectV2Error(await send(e, 'PUT', '/wiki/api/v2/pages/112', as.bob, update('112', 'X', 1)), 409, 'CONFLICT');
    expectV2Error(
      await send(e, 'PUT', '/wiki/api/v2/pages/112', as.bob, update('112', 'Setup', 2)),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expect((await get(e, '/wiki/api/v2/pages/112', as.bob)).body).toMatchObject({
      title: 'Usage',
      version: { number: 1 },
    });
  });
});

describe('v1 POST /space with permissions', () => {
  it('gives the space only the permissions asked for, also when the app creates it', async () => {
    const e = contentEmulator();
    const res = await send(e, 'POST', '/wiki/rest/api/space', app, {
      key: 'COPY',
      name: 'Copy',
      permissions: [
        {
          subjects: { user: { results: [{ accountId: 'u-eve' }] } },
          operation: { operation: 'read', targetType: 'space' },
        },
        {
          subjects: { user: { results: [{ accountId: 'u-eve' }] } },
          operation: { operation: 'administer', targetType: 'space' },
        },
      ],
    });
    expect(res.status).toBe(200);
    const space = e.site.spaceByKey('COPY')!;
    expect(e.site.isSpaceAdmin('u-eve', space.id)).toBe(true);
    expect(e.site.permissions(space.id)).toHaveLength(2);
  });

  it('refuses an unknown operation or user before creating anything', async () => {
    const e = contentEmulator();
    const bad = await send(e, 'POST', '/wiki/rest/api/space', app, {
      key: 'COPY',
      name: 'Copy',
      permissions: [
        {
          subjects: { user: { results: [{ accountId: 'u-nobody' }] } },
          operation: { operation: 'read', targetType: 'space' },
        },
      ],
    });
    expectV1Error(bad, 400);
    expect(e.site.spaceByKey('COPY')).toBeUndefined();
  });
});

describe('the Create Space global permission among user operations', () => {
  it('lists create/space for admins and users allowed to create spaces only', async () => {
    const e = contentEmulator();
    const ops = async (id: string) =>
      (await get(e, `/wiki/rest/api/user?accountId=${id}&expand=operations`, app)).body.operations as unknown[];
    expect(await ops('u-bob')).toContainEqual({ operation: 'create', targetType: 'space' });
    expect(await ops('u-ada')).toContainEqual({ operation: 'create', targetType: 'space' });
    expect(await ops('u-eve')).not.toContainEqual({ operation: 'create', targetType: 'space' });
  });
});
