import type { ConfluenceEmulator, Caller } from '../../../local/confluence';
import { expectV1Error, expectV2Error, get, type JsonResponse } from './helpers';
import { as, contentEmulator } from './content-site';

async function send(
  e: ConfluenceEmulator,
  method: string,
  path: string,
  caller: Caller,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const res = await e.handle(
    {
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    },
    caller,
  );
  return { status: res.status, headers: res.headers, body: res.body === '' ? undefined : JSON.parse(res.body) };
}

const labelsOf = async (e: ConfluenceEmulator, id: string): Promise<string[]> =>
  (await get(e, `/wiki/api/v2/pages/${id}/labels`, as.ada)).body.results.map((l: { name: string }) => l.name);

describe('v1 labels', () => {
  it('adds labels (folded to lower case) and answers every label of the content', async () => {
    const e = contentEmulator();
    const res = await send(e, 'POST', '/wiki/rest/api/content/111/label', as.eve, [
      { prefix: 'global', name: 'Howto' },
      { prefix: 'global', name: 'setup' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((l: { name: string }) => l.name)).toEqual(['howto', 'setup']);
    expect(res.body.results[0]).toEqual({ prefix: 'global', name: 'howto', id: expect.any(String), label: 'howto' });
    expect(await labelsOf(e, '111')).toEqual(['howto', 'setup']);
    expect(e.site.content.store.changes.filter((c) => c.kind === 'label-add')).toHaveLength(2);
  });

  it('refuses bad names with 400 and changes nothing', async () => {
    const e = contentEmulator();
    for (const name of ['two words', 'a:b', 'x'.repeat(256), '']) {
      const res = await send(e, 'POST', '/wiki/rest/api/content/111/label', as.eve, [
        { prefix: 'global', name: 'ok' },
        { prefix: 'global', name },
      ]);
      expectV1Error(res, 400);
    }
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/111/label', as.eve, [{ prefix: 'weird', name: 'ok' }]),
      400,
    );
    expect(await labelsOf(e, '111')).toEqual([]);
  });

  it('answers 403 on an update-restricted page, 404 on one the user cannot see', async () => {
    const e = contentEmulator();
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/123/label', as.eve, [{ prefix: 'global', name: 'x' }]),
      403,
    );
    expect(
      (await send(e, 'POST', '/wiki/rest/api/content/123/label', as.ada, [{ prefix: 'global', name: 'x' }])).status,
    ).toBe(200);
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/121/label', as.eve, [{ prefix: 'global', name: 'x' }]),
      404,
    );
  });

  it('removes a label by path and by ?name=', async () => {
    const e = contentEmulator();
    expect((await send(e, 'DELETE', '/wiki/rest/api/content/120/label/policy', as.eve)).status).toBe(204);
    expect((await send(e, 'DELETE', '/wiki/rest/api/content/120/label?name=HR', as.eve)).status).toBe(204);
    expect(await labelsOf(e, '120')).toEqual([]);
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/120/label/policy', as.eve), 404);
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/120/label', as.eve), 400);
  });
});

describe('v2 deletes: comments, attachments, pages, blog posts', () => {
  it('deletes comments for good; needs delete/comment unless it is your own', async () => {
    const e = contentEmulator();
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/footer-comments/603', as.eve), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/footer-comments/601', as.eve)).status).toBe(204);
    expect((await send(e, 'DELETE', '/wiki/api/v2/footer-comments/603', as.bob)).status).toBe(204);
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/footer-comments/602', as.bob), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/inline-comments/602', as.bob)).status).toBe(204);
    expect((await get(e, '/wiki/api/v2/pages/111/footer-comments', as.ada)).body.results).toEqual([]);
    expect((await get(e, '/wiki/api/v2/pages/111/inline-comments', as.ada)).body.results).toEqual([]);
  });

  it('trashes an attachment, then purges it only as a space admin', async () => {
    const e = contentEmulator();
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/attachments/att501', as.eve), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/attachments/att501', as.bob)).status).toBe(204);
    expect((await get(e, '/wiki/api/v2/attachments/att501', as.bob)).body.status).toBe('trashed');
    expectV2Error(
      await send(e, 'DELETE', '/wiki/api/v2/attachments/att502?purge=true', as.bob),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/attachments/att501?purge=true', as.eve), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/attachments/att501?purge=true', as.bob)).status).toBe(204);
    expectV2Error(await get(e, '/wiki/api/v2/attachments/att501', as.bob), 404, 'NOT_FOUND');
  });

  it('trashes a page (its children move up) and purges it with its attachments and comments', async () => {
    const e = contentEmulator();
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/pages/110', as.eve), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/pages/110', as.bob)).status).toBe(204);
    const kids = await get(e, '/wiki/api/v2/pages/100/children', as.bob);
    expect(kids.body.results.map((p: { id: string }) => p.id)).toEqual(['120', '111', '112']);
    expect((await send(e, 'DELETE', '/wiki/api/v2/pages/111', as.bob)).status).toBe(204);
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/pages/111', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expect((await send(e, 'DELETE', '/wiki/api/v2/pages/111?purge=true', as.bob)).status).toBe(204);
    expectV2Error(await get(e, '/wiki/api/v2/pages/111?status=trashed', as.bob), 404, 'NOT_FOUND');
    expect(e.site.content.store.attachment('att501')).toBeUndefined();
    expect(e.site.content.store.comment('601')).toBeUndefined();
  });

  it('an update restriction blocks deletion; a read restriction hides the page (404)', async () => {
    const e = contentEmulator();
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/pages/123', as.bob), 404, 'NOT_FOUND');
    expect(e.site.content.store.page('123')?.status).toBe('current');
  });

  it('purging needs administer/space: the app may, a deleter without admin may not', async () => {
    const e = contentEmulator();
    e.site.revoke('2001', e.site.permissions('2001').find((p) => p.operation.key === 'administer')?.id ?? '');
    expectV2Error(await send(e, 'DELETE', '/wiki/api/v2/blogposts/701?purge=true', as.bob), 404, 'NOT_FOUND');
    expect((await send(e, 'DELETE', '/wiki/api/v2/blogposts/701?purge=true', as.app)).status).toBe(204);
    expect((await send(e, 'DELETE', '/wiki/api/v2/blogposts/700', as.bob)).status).toBe(204);
  });
});

describe('POST /wiki/api/v2/pages and /blogposts', () => {
  it('creates a page under the home page by default; a clashing title is a 400 with Confluence’s message', async () => {
    const e = contentEmulator();
    const res = await send(e, 'POST', '/wiki/api/v2/pages', as.eve, {
      spaceId: '2001',
      title: 'Roadmap',
      body: { representation: 'storage', value: '<p>Q3</p>' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Roadmap',
      parentId: '100',
      spaceId: '2001',
      authorId: 'u-eve',
      body: { storage: { value: '<p>Q3</p>' } },
    });
    const clash = await send(e, 'POST', '/wiki/api/v2/pages', as.eve, {
      spaceId: '2001',
      title: 'roadmap',
      parentId: '110',
    });
    expectV2Error(clash, 400, 'INVALID_REQUEST_PARAMETER');
    expect(clash.body.errors[0].title).toBe(
      'A page with this title already exists: A page already exists with the same TITLE in this space',
    );
    // A trashed page's title is free again.
    expect(
      (await send(e, 'POST', '/wiki/api/v2/pages', as.eve, { spaceId: '2001', title: 'Old plan', parentId: '110' }))
        .status,
    ).toBe(200);
  });

  it('refuses a missing title, an unknown parent, and a space the user may not create in', async () => {
    const e = contentEmulator();
    expectV2Error(
      await send(e, 'POST', '/wiki/api/v2/pages', as.eve, { spaceId: '2001' }),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expectV2Error(
      await send(e, 'POST', '/wiki/api/v2/pages', as.eve, { spaceId: '2001', title: 'X', parentId: '200' }),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expectV2Error(
      await send(e, 'POST', '/wiki/api/v2/pages', as.eve, { spaceId: '2002', title: 'X' }),
      404,
      'NOT_FOUND',
    );
    expectV2Error(await send(e, 'POST', '/wiki/api/v2/pages', as.eve, '{nope'), 400, 'INVALID_REQUEST_PARAMETER');
    expect((await send(e, 'POST', '/wiki/api/v2/pages', as.bob, { spaceId: '2002', title: 'X' })).status).toBe(200);
  });

  it('creates a blog post; the same title the same day is refused', async () => {
    const e = contentEmulator();
    e.site.grant('2001', { type: 'user', id: 'u-eve' }, { key: 'create', target: 'blogpost' });
    expect((await send(e, 'POST', '/wiki/api/v2/blogposts', as.eve, { spaceId: '2001', title: 'Week 1' })).status).toBe(
      200,
    );
    expectV2Error(
      await send(e, 'POST', '/wiki/api/v2/blogposts', as.eve, { spaceId: '2001', title: 'Week 1' }),
      400,
      'INVALID_REQUEST_PARAMETER',
    );
    expectV2Error(
      await send(e, 'POST', '/wiki/api/v2/blogposts', as.kim, { spaceId: '2001', title: 'Week 2' }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('POST /wiki/rest/api/content/{id}/permission/check', () => {
  const e = contentEmulator();
  const check = (caller: Caller, id: string, subject: unknown, operation: string) =>
    send(e, 'POST', `/wiki/rest/api/content/${id}/permission/check`, caller, { subject, operation });

  it('answers {hasPermission, errors} for users and groups, restrictions included', async () => {
    expect((await check(as.app, '122', { type: 'user', identifier: 'u-kim' }, 'read')).body).toMatchObject({
      hasPermission: true,
      errors: [],
    });
    expect((await check(as.app, '122', { type: 'user', identifier: 'u-eve' }, 'read')).body).toMatchObject({
      hasPermission: false,
      errors: [{ translation: 'User does not have permission to the content', args: [] }],
    });
    expect((await check(as.app, '111', { type: 'user', identifier: 'u-eve' }, 'delete')).body).toMatchObject({
      hasPermission: false,
      errors: [{ translation: 'User does not have permission to the space' }],
    });
    expect((await check(as.app, '111', { type: 'user', identifier: 'u-bob' }, 'delete')).body.hasPermission).toBe(true);
    expect((await check(as.app, '123', { type: 'user', identifier: 'u-bob' }, 'update')).body.hasPermission).toBe(
      false,
    );
    // A group is checked on its own grants: legal holds no space permission itself.
    expect((await check(as.app, '122', { type: 'group', identifier: 'g-legal' }, 'read')).body).toMatchObject({
      hasPermission: false,
      errors: [{ translation: 'Group does not have permission to the space' }],
    });
    expect((await check(as.app, '111', { type: 'group', identifier: 'g-all' }, 'update')).body.hasPermission).toBe(
      true,
    );
    expect((await check(as.app, '122', { type: 'group', identifier: 'g-all' }, 'read')).body).toMatchObject({
      hasPermission: false,
      errors: [{ translation: 'Group does not have permission to the content' }],
    });
  });

  it('lets a user check themselves, refuses checking others unless Confluence admin, and validates the body', async () => {
    expect((await check(as.eve, '111', { type: 'user', identifier: 'u-eve' }, 'read')).status).toBe(200);
    expectV1Error(await check(as.eve, '111', { type: 'user', identifier: 'u-bob' }, 'read'), 403);
    expect((await check(as.ada, '111', { type: 'user', identifier: 'u-bob' }, 'read')).status).toBe(200);
    expectV1Error(await check(as.app, '111', { type: 'user', identifier: 'u-bob' }, 'purge'), 400);
    expectV1Error(await check(as.app, '111', { type: 'user', identifier: 'u-nobody' }, 'read'), 400);
    expectV1Error(await check(as.app, '999999', { type: 'user', identifier: 'u-bob' }, 'read'), 404);
  });
});

describe('POST /wiki/rest/api/space', () => {
  it('creates a space with a home page; the creator gets the space permissions', async () => {
    const e = contentEmulator();
    const res = await send(e, 'POST', '/wiki/rest/api/space', as.bob, { key: 'NEW1', name: 'New one' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: 'NEW1',
      name: 'New one',
      type: 'global',
      homepage: { title: 'New one Home' },
    });
    const space = e.site.spaceByKey('NEW1');
    expect(space?.id).toBe('2003');
    expect(e.site.isSpaceAdmin('u-bob', '2003')).toBe(true);
    expect(e.site.holds('u-bob', '2003', { key: 'delete', target: 'page' })).toBe(true);
    const pages = await get(e, '/wiki/api/v2/spaces/2003/pages', as.bob);
    expect(pages.body.results.map((p: { title: string }) => p.title)).toEqual(['New one Home']);
    expect((await get(e, '/wiki/api/v2/spaces/2003', as.bob)).body.homepageId).toBe(space?.homepageId);
    expect((await get(e, '/wiki/api/v2/spaces/2003', as.eve)).status).toBe(404);
  });

  it('refuses bad keys, a duplicate key in any case, and users without create-space permission', async () => {
    const e = contentEmulator();
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/space', as.bob, { key: 'NO-DASH', name: 'x' }), 400);
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/space', as.bob, { key: 'K'.repeat(256), name: 'x' }), 400);
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/space', as.bob, { key: 'team', name: 'x' }), 400);
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/space', as.bob, { name: 'x' }), 400);
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/space', as.eve, { key: 'EVE', name: 'x' }), 403);
    expect((await send(e, 'POST', '/wiki/rest/api/space', as.ada, { key: 'ADA', name: 'Ada' })).status).toBe(200);
    expect(e.site.spaces().map((s) => s.key)).toEqual(['TEAM', 'OPS', 'ADA']);
  });
});

describe('attachments: upload and download', () => {
  const form = (boundary: string, name: string, type: string, data: string) =>
    [
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename="${name}"`,
      `Content-Type: ${type}`,
      '',
      data,
      `--${boundary}`,
      'Content-Disposition: form-data; name="comment"',
      '',
      'first cut',
      `--${boundary}--`,
      '',
    ].join('\r\n');

  it('uploads with X-Atlassian-Token: nocheck and keeps name, type and size', async () => {
    const e = contentEmulator();
    const body = form('xyz', 'report.csv', 'text/csv', 'a,b\n1,2\n');
    const headers = { 'content-type': 'multipart/form-data; boundary=xyz', 'x-atlassian-token': 'nocheck' };
    const res = await send(e, 'POST', '/wiki/rest/api/content/111/child/attachment', as.bob, body, headers);
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({
      type: 'attachment',
      title: 'report.csv',
      extensions: { mediaType: 'text/csv', fileSize: 8, comment: 'first cut' },
    });
    const again = await send(e, 'POST', '/wiki/rest/api/content/111/child/attachment', as.bob, body, headers);
    expectV1Error(again, 400);
    const noToken = await send(e, 'POST', '/wiki/rest/api/content/111/child/attachment', as.bob, body, {
      'content-type': 'multipart/form-data; boundary=xyz',
    });
    expectV1Error(noToken, 403);
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/content/111/child/attachment', as.eve, body, headers), 403);
  });

  it('downloads fileSize deterministic bytes, by the v1 route and the v2 downloadLink', async () => {
    const e = contentEmulator();
    const one = await e.handle(
      { method: 'GET', path: '/wiki/rest/api/content/111/child/attachment/att501/download', headers: {} },
      as.eve,
    );
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toBe('image/png');
    expect(Buffer.byteLength(one.body)).toBe(2048);
    const link = (await get(e, '/wiki/api/v2/attachments/att501', as.eve)).body.downloadLink as string;
    const two = await e.handle({ method: 'GET', path: `/wiki${link}`, headers: {} }, as.eve);
    expect(two.body).toBe(one.body);
    const other = await e.handle(
      { method: 'GET', path: '/wiki/rest/api/content/111/child/attachment/att502/download', headers: {} },
      as.eve,
    );
    expect(other.body).not.toBe(one.body.slice(0, 17));
  });
});

describe('rate limits on content routes', () => {
  it('answers the injected 429 with Retry-After and changes nothing', async () => {
    const e = contentEmulator();
    e.faults.add({ fault: { kind: 'status', status: 429, retryAfter: '3' }, path: '/wiki/api/v2/pages', times: 1 });
    const res = await send(e, 'DELETE', '/wiki/api/v2/pages/112', as.bob);
    expectV2Error(res, 429, 'TOO_MANY_REQUESTS');
    expect(res.headers['retry-after']).toBe('3');
    expect(e.site.content.store.page('112')?.status).toBe('current');
    expect((await send(e, 'DELETE', '/wiki/api/v2/pages/112', as.bob)).status).toBe(204);
    e.faults.add({
      fault: { kind: 'status', status: 429, retryAfter: '1' },
      path: '/wiki/rest/api/longtask',
      times: 1,
    });
    expectV1Error(await get(e, '/wiki/rest/api/longtask', as.bob), 429);
  });
});
