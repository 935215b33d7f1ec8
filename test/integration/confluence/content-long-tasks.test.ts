import { ConfluenceEmulator, ManualClock, parseDirectory, type Caller } from '../../../local/confluence';
import { BASE_URL, expectV1Error, get, type JsonResponse } from './helpers';
import { as, contentEmulator, contentSite } from './content-site';

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

/** An emulator whose long tasks move 1 page per virtual second (the constructor's options). */
function slowEmulator(): { e: ConfluenceEmulator; clock: ManualClock } {
  const clock = new ManualClock();
  const e = new ConfluenceEmulator(parseDirectory(contentSite()), {
    baseUrl: BASE_URL,
    clock,
    longTaskStepsPerSecond: 1,
  });
  return { e, clock };
}

const task = (e: ConfluenceEmulator, id: string, caller: Caller) => get(e, `/wiki/rest/api/longtask/${id}`, caller);

describe('DELETE /wiki/rest/api/content/{id}/pageTree', () => {
  it('answers 202 with a LongTask and trashes the tree as time passes', async () => {
    const { e, clock } = slowEmulator();
    const res = await send(e, 'DELETE', '/wiki/rest/api/content/110/pageTree', as.bob);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      ari: expect.any(String),
      id: expect.any(String),
      links: { status: `/rest/api/longtask/${res.body.id}` },
    });
    const first = await task(e, res.body.id, as.bob);
    expect(first.body).toMatchObject({
      percentageComplete: 0,
      finished: false,
      successful: true,
      name: { key: 'delete-page-tree' },
    });
    clock.advance(1000);
    const mid = await task(e, res.body.id, as.bob);
    expect(mid.body.percentageComplete).toBe(33);
    expect(mid.body.elapsedTime).toBe(1000);
    expect(e.site.content.store.page('112')?.status).toBe('trashed');
    expect(e.site.content.store.page('110')?.status).toBe('current');
    clock.advance(2000);
    const done = await task(e, res.body.id, as.bob);
    expect(done.body).toMatchObject({ percentageComplete: 100, finished: true, successful: true });
    expect(['110', '111', '112'].map((id) => e.site.content.store.page(id)?.status)).toEqual([
      'trashed',
      'trashed',
      'trashed',
    ]);
    const trashed = await get(e, '/wiki/api/v2/spaces/2001/pages?status=trashed', as.bob);
    expect(trashed.body.results.map((p: { id: string }) => p.id)).toEqual(['110', '111', '112', '130']);
  });

  it('skips pages the caller cannot see and leaves them in place', async () => {
    const e = contentEmulator();
    e.site.grant('2001', { type: 'user', id: 'u-eve' }, { key: 'delete', target: 'page' });
    const res = await send(e, 'DELETE', '/wiki/rest/api/content/120/pageTree', as.eve);
    expect(res.status).toBe(202);
    e.site.content.tasks.finishAll();
    const done = await task(e, res.body.id, as.eve);
    expect(done.body.finished).toBe(true);
    // Eve cannot see 121/122 and may not edit 123: they stay current.
    expect(['120', '121', '122', '123'].map((id) => e.site.content.store.page(id)?.status)).toEqual([
      'trashed',
      'current',
      'current',
      'current',
    ]);
    expect(done.body.messages.map((m: { key: string }) => m.key)).toEqual([
      'WARN_IGNORE_DELETE_PAGE',
      'STATUS_DELETED_PAGES',
    ]);
  });

  it('403 without delete permission, 404 for a page the caller cannot see; tasks are private to their owner', async () => {
    const e = contentEmulator();
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/110/pageTree', as.eve), 403);
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/121/pageTree', as.eve), 404);
    // Only a current page's tree: a trashed page or a blog post is "not supported".
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/130/pageTree', as.bob), 400);
    expectV1Error(await send(e, 'DELETE', '/wiki/rest/api/content/700/pageTree', as.bob), 400);
    const res = await send(e, 'DELETE', '/wiki/rest/api/content/110/pageTree', as.bob);
    expectV1Error(await task(e, res.body.id, as.eve), 404);
    expect((await task(e, res.body.id, as.ada)).status).toBe(200);
    const list = await get(e, '/wiki/rest/api/longtask', as.bob);
    expect(list.body).toMatchObject({ start: 0, limit: 100, size: 1 });
    expect((await get(e, '/wiki/rest/api/longtask', as.eve)).body.size).toBe(0);
  });
});

describe('POST /wiki/rest/api/content/{id}/pagehierarchy/copy', () => {
  const titlesUnder = async (e: ConfluenceEmulator, id: string, caller: Caller): Promise<[string, number][]> =>
    (await get(e, `/wiki/api/v2/pages/${id}/descendants`, caller)).body.results.map(
      (d: { title: string; depth: number }) => [d.title, d.depth],
    );

  it('copies the tree under the destination, keeping shape and order, renaming a clashing title with a warning', async () => {
    const { e, clock } = slowEmulator();
    const res = await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, {
      destinationPageId: '200',
      copyAttachments: true,
      copyLabels: true,
    });
    expect(res.status).toBe(202);
    expect((await task(e, res.body.id, as.bob)).body).toMatchObject({
      finished: false,
      percentageComplete: 0,
      additionalDetails: { totalPageNeedToCopy: 3 },
    });
    clock.advance(3000);
    const done = await task(e, res.body.id, as.bob);
    expect(done.body).toMatchObject({ finished: true, successful: true, percentageComplete: 100 });
    // OPS already has "Setup": the copy is renamed.
    expect(await titlesUnder(e, '200', as.bob)).toEqual([
      ['Setup', 1],
      ['Guides', 1],
      ['Setup (1)', 2],
      ['Usage', 2],
    ]);
    expect(done.body.messages).toEqual([
      { key: 'WARN_RENAME_PAGE', translation: expect.stringContaining('"Setup (1)"'), args: ['Setup', 'Setup (1)'] },
      { key: 'STATUS_COPIED_PAGES', translation: 'Copied 3 pages', args: [3] },
    ]);
    const copyOfSetup = e.site.content.store.pageTitled('2002', 'Setup (1)');
    const attachments = await get(e, `/wiki/api/v2/pages/${copyOfSetup?.id ?? ''}/attachments`, as.bob);
    expect(attachments.body.results.map((a: { title: string }) => a.title)).toEqual(['diagram.png', 'notes.txt']);
    expect(done.body.additionalDetails.destinationId).toBe(e.site.content.store.pageTitled('2002', 'Guides')?.id);
  });

  it('within one space needs a title prefix; the prefix applies to every copied page', async () => {
    const e = contentEmulator();
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, { destinationPageId: '120' }),
      400,
    );
    const res = await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, {
      destinationPageId: '120',
      titleOptions: { prefix: 'Copy of ' },
    });
    expect(res.status).toBe(202);
    e.site.content.tasks.finishAll();
    const kids = await get(e, '/wiki/api/v2/pages/120/children', as.kim);
    expect(kids.body.results.map((p: { title: string }) => p.title)).toEqual([
      'Legal hold',
      'Frozen',
      'Copy of Guides',
    ]);
    expect(e.site.content.store.pageTitled('2001', 'Copy of Usage')).toBeDefined();
  });

  it('skips pages the caller cannot see and warns that restrictions were not copied', async () => {
    const e = contentEmulator();
    const res = await send(e, 'POST', '/wiki/rest/api/content/120/pagehierarchy/copy', as.eve, {
      destinationPageId: '110',
      titleOptions: { prefix: 'X ' },
      copyPermissions: true,
    });
    expect(res.status).toBe(202);
    e.site.content.tasks.finishAll();
    const done = await task(e, res.body.id, as.eve);
    expect(done.body.messages.map((m: { key: string }) => m.key)).toEqual([
      'WARN_IGNORE_COPY_PAGE',
      'WARN_IGNORE_COPY_PERMISSION',
      'STATUS_COPIED_PAGES',
    ]);
    expect(e.site.content.store.pageTitled('2001', 'X Legal hold')).toBeUndefined();
    expect(e.site.content.store.pageTitled('2001', 'X Frozen')?.restrictions).toBeUndefined();
  });

  it('refuses a destination the caller may not create in (403), unknown pages (404), and a destination inside the tree (400)', async () => {
    const e = contentEmulator();
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.eve, { destinationPageId: '200' }),
      403,
    );
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, { destinationPageId: '99999' }),
      404,
    );
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/99999/pagehierarchy/copy', as.bob, { destinationPageId: '200' }),
      404,
    );
    expectV1Error(
      await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, {
        destinationPageId: '111',
        titleOptions: { prefix: 'Y ' },
      }),
      400,
    );
    expectV1Error(await send(e, 'POST', '/wiki/rest/api/content/110/pagehierarchy/copy', as.bob, {}), 400);
  });
});
