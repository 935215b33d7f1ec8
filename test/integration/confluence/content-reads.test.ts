import { expectV2Error, get, v2Pages, type JsonResponse } from './helpers';
import { as, contentEmulator } from './content-site';

const ids = (res: JsonResponse): string[] => res.body.results.map((r: { id: string }) => r.id);

describe('v2 page reads', () => {
  const e = contentEmulator();

  it('lists a space’s current and archived pages by id, hiding read-restricted branches', async () => {
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/pages', as.eve))).toEqual([
      '100',
      '110',
      '111',
      '112',
      '120',
      '123',
    ]);
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/pages', as.kim))).toEqual([
      '100',
      '110',
      '111',
      '112',
      '120',
      '121',
      '122',
      '123',
    ]);
  });

  it('answers the PageBulk shape, with the storage body only when asked', async () => {
    const res = await get(e, '/wiki/api/v2/spaces/2001/pages?limit=250&body-format=storage', as.bob);
    const setup = res.body.results.find((p: { id: string }) => p.id === '111');
    expect(setup).toMatchObject({
      id: '111',
      status: 'current',
      title: 'Setup',
      spaceId: '2001',
      parentId: '110',
      parentType: 'page',
      position: 0,
      authorId: 'u-bob',
      createdAt: expect.any(String),
      version: { number: 1, authorId: 'u-bob', createdAt: expect.any(String), minorEdit: false, message: '' },
      body: { storage: { representation: 'storage', value: '<p>Install it.</p>' } },
      _links: { webui: expect.stringContaining('/spaces/TEAM/pages/111') },
    });
    const plain = await get(e, '/wiki/api/v2/pages/111', as.bob);
    expect(plain.body.body).toEqual({});
    expect(plain.body._links.base).toBe('http://127.0.0.1:8000/wiki');
  });

  it('filters by status and title, and pages with a cursor in _links.next and the Link header', async () => {
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/pages?status=trashed', as.bob))).toEqual(['130']);
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/pages?title=Usage', as.bob))).toEqual(['112']);
    const pages = await v2Pages(e, '/wiki/api/v2/spaces/2001/pages?limit=3', as.kim);
    expect(pages.map((p) => p.body.results.length)).toEqual([3, 3, 2]);
    expect(pages[0]?.headers.link).toMatch(/^<\/wiki\/api\/v2\/spaces\/2001\/pages\?limit=3&cursor=[^>]+>; rel="next"/);
    expect(pages.flatMap(ids)).toEqual(ids(await get(e, '/wiki/api/v2/spaces/2001/pages?limit=250', as.kim)));
  });

  it('sorts by title descending and lists only root pages with depth=root', async () => {
    const res = await get(e, '/wiki/api/v2/spaces/2001/pages?sort=-title', as.eve);
    expect(res.body.results.map((p: { title: string }) => p.title)).toEqual([
      'Usage',
      'Setup',
      'Policies',
      'Home',
      'Guides',
      'Frozen',
    ]);
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/pages?depth=root', as.eve))).toEqual(['100']);
  });

  it('answers 404 for a restricted page to a user not listed, and 200 to one who is', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/pages/122', as.eve), 404, 'NOT_FOUND');
    expect((await get(e, '/wiki/api/v2/pages/122', as.kim)).status).toBe(200);
    expect((await get(e, '/wiki/api/v2/pages/122', as.bob)).status).toBe(200);
  });

  it('hides restricted pages from the app unless the app is listed', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/pages/121', as.app), 404, 'NOT_FOUND');
    expect((await get(e, '/wiki/api/v2/pages/111', as.app)).status).toBe(200);
  });

  it('answers a trashed page only with status=trashed', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/pages/130', as.bob), 404, 'NOT_FOUND');
    expect((await get(e, '/wiki/api/v2/pages/130?status=trashed', as.bob)).body.status).toBe('trashed');
  });

  it('refuses bad parameters with 400', async () => {
    expectV2Error(await get(e, '/wiki/api/v2/pages/abc', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages?limit=251', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages?limit=0', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages?status=gone', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages?sort=size', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages?cursor=nope', as.bob), 400, 'INVALID_REQUEST_PARAMETER');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/9999/pages', as.bob), 404, 'NOT_FOUND');
    expectV2Error(await get(e, '/wiki/api/v2/spaces/2001/pages', as.anonymous), 401, 'UNAUTHORIZED');
  });

  it('GET /pages filters by id and space-id across spaces', async () => {
    expect(ids(await get(e, '/wiki/api/v2/pages?id=210,111,122', as.eve))).toEqual(['111', '210']);
    expect(ids(await get(e, '/wiki/api/v2/pages?space-id=2002', as.eve))).toEqual(['200', '210']);
    expect(ids(await get(e, '/wiki/api/v2/pages?space-id=2002&status=trashed', as.eve))).toEqual([]);
  });

  it('children follow sibling order (position first) and descendants come level by level with depth', async () => {
    const kids = await get(e, '/wiki/api/v2/pages/100/children', as.kim);
    expect(kids.body.results).toEqual([
      { id: '120', status: 'current', title: 'Policies', spaceId: '2001', childPosition: 0 },
      { id: '110', status: 'current', title: 'Guides', spaceId: '2001', childPosition: 1 },
    ]);
    const all = await get(e, '/wiki/api/v2/pages/100/descendants', as.kim);
    expect(all.body.results.map((d: { id: string; depth: number }) => [d.id, d.depth])).toEqual([
      ['120', 1],
      ['110', 1],
      ['121', 2],
      ['123', 2],
      ['111', 2],
      ['112', 2],
      ['122', 3],
    ]);
    expect(all.body.results[0]).toEqual({
      id: '120',
      status: 'current',
      title: 'Policies',
      type: 'page',
      parentId: '100',
      depth: 1,
      childPosition: 0,
    });
    const eve = await get(e, '/wiki/api/v2/pages/100/descendants?depth=1', as.eve);
    expect(ids(eve)).toEqual(['120', '110']);
    const eveAll = await get(e, '/wiki/api/v2/pages/100/descendants', as.eve);
    expect(ids(eveAll)).not.toContain('122');
    expectV2Error(await get(e, '/wiki/api/v2/pages/100/descendants?depth=6', as.eve), 400, 'INVALID_REQUEST_PARAMETER');
  });

  it('blog posts: current by default, trashed on request', async () => {
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/blogposts', as.eve))).toEqual(['700']);
    expect(ids(await get(e, '/wiki/api/v2/spaces/2001/blogposts?status=trashed', as.eve))).toEqual(['701']);
    const post = await get(e, '/wiki/api/v2/blogposts/700', as.eve);
    expect(post.body).toMatchObject({ id: '700', title: 'Kick-off', spaceId: '2001', status: 'current' });
  });
});

describe('v2 labels, comments and attachments', () => {
  const e = contentEmulator();

  it('labels: {id, name, prefix}', async () => {
    const res = await get(e, '/wiki/api/v2/pages/120/labels', as.eve);
    expect(res.body.results).toEqual([
      { id: expect.stringMatching(/^[0-9]+$/), name: 'policy', prefix: 'global' },
      { id: expect.stringMatching(/^[0-9]+$/), name: 'hr', prefix: 'global' },
    ]);
    expect((await get(e, '/wiki/api/v2/pages/120/labels?prefix=my', as.eve)).body.results).toEqual([]);
  });

  it('footer and inline comments carry author and date in version', async () => {
    const footer = await get(e, '/wiki/api/v2/pages/111/footer-comments?body-format=storage', as.eve);
    expect(footer.body.results.map((c: { id: string }) => c.id)).toEqual(['601', '603']);
    expect(footer.body.results[0]).toMatchObject({
      id: '601',
      status: 'current',
      title: 'Re: Setup',
      pageId: '111',
      version: { authorId: 'u-eve', number: 1 },
      body: { storage: { value: '<p>Thanks</p>', representation: 'storage' } },
    });
    const inline = await get(e, '/wiki/api/v2/pages/111/inline-comments', as.eve);
    expect(inline.body.results).toMatchObject([
      { id: '602', resolutionStatus: 'open', version: { authorId: 'u-kim' } },
    ]);
    const newest = await get(e, '/wiki/api/v2/pages/111/footer-comments?sort=-created-date', as.eve);
    expect(newest.body.results.map((c: { id: string }) => c.id)).toEqual(['603', '601']);
  });

  it('attachments: default 50, status, mediaType and filename filters, single by id', async () => {
    const list = await get(e, '/wiki/api/v2/pages/111/attachments', as.eve);
    expect(list.body.results.map((a: { id: string }) => a.id)).toEqual(['att501', 'att502']);
    expect(list.body.results[0]).toMatchObject({
      id: 'att501',
      title: 'diagram.png',
      pageId: '111',
      mediaType: 'image/png',
      fileSize: 2048,
      status: 'current',
      downloadLink: expect.stringContaining('/download/attachments/111/diagram.png'),
    });
    const trashed = await get(e, '/wiki/api/v2/pages/111/attachments?status=trashed', as.eve);
    expect(trashed.body.results.map((a: { id: string }) => a.id)).toEqual(['att503']);
    expect((await get(e, '/wiki/api/v2/pages/111/attachments?mediaType=text/plain', as.eve)).body.results).toHaveLength(
      1,
    );
    expect((await get(e, '/wiki/api/v2/pages/111/attachments?filename=diagram.png', as.eve)).body.results).toHaveLength(
      1,
    );
    expect((await get(e, '/wiki/api/v2/attachments/att502', as.eve)).body).toMatchObject({
      id: 'att502',
      version: { authorId: 'u-eve' },
    });
    expect((await get(e, '/wiki/api/v2/attachments/502', as.eve)).body.id).toBe('att502');
    expectV2Error(await get(e, '/wiki/api/v2/attachments/att999', as.eve), 404, 'NOT_FOUND');
    expectV2Error(await get(e, '/wiki/api/v2/attachments/xyz', as.eve), 400, 'INVALID_REQUEST_PARAMETER');
  });
});
