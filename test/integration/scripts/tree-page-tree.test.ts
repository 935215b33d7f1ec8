import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import { call, preview, runToEnd } from './support';
import { ADA, LOCKED_PAGE, PRIYA, SAM } from './site';
import { ARCHIVE, writeTreeSite } from './tree-site';

/** Delete Page Tree and Copy Page Tree, previewed then run through the local host. Fresh site per test. */
let host: LocalHost;
beforeEach(async () => {
  host = await startHost({ directoryFile: writeTreeSite(), eventDelayScale: 0 });
});
afterEach(() => host.close());

const TREE: [string, number][] = [
  ['Guides', 0],
  ['Setup', 1],
  ['Board minutes', 1],
  ['FAQ', 1],
  ['FAQ: accounts', 2],
  ['FAQ: passwords', 3],
  ['FAQ: billing', 2],
];
const TREE_IDS = ['30002', '30003', LOCKED_PAGE, '30005', '30011', '30012', '30013'];
const store = () => host.confluence.site.content.store;
const statusOf = (id: string) => store().page(id)?.status;
/** The tree under a page as [title, depth] in Confluence's order. */
function shape(rootId: string): [string, number][] {
  const out: [string, number][] = [];
  const walk = (id: string, depth: number) => {
    const page = store().page(id)!;
    out.push([page.title, depth]);
    for (const child of store()
      .children(id)
      .filter((c) => c.status === 'current'))
      walk(child.id, depth + 1);
  };
  walk(rootId, 0);
  return out;
}

describe('Delete Page Tree', () => {
  it('previews the page and every descendant with depth, and changes nothing', async () => {
    const answer = await preview(host, ADA, 'delete-page-tree', { pageId: '30002' });
    expect(answer).toMatchObject({ scriptKey: 'delete-page-tree', total: 7, permanent: false });
    expect(answer.items.map((i) => [i.title, i.depth])).toEqual(TREE);
    expect(answer.summary).toMatch(/“Guides” and its 6 descendant pages to the trash.*3 levels deep/);
    expect(statusOf('30002')).toBe('current');
  });

  it('moves the tree to the trash through one long task, and the run follows it to the end', async () => {
    const done = await runToEnd(host, ADA, 'delete-page-tree', { pageId: '30002' });
    // The app deletes for Ada, and Confluence's page restrictions bind the app too: Board minutes stays, by name.
    expect(done.failures).toEqual([
      {
        itemId: LOCKED_PAGE,
        title: 'Board minutes',
        reason: 'Page "Board minutes" was not deleted: you may not delete it',
      },
    ]);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 6, failed: 1, total: 7 } });
    for (const id of TREE_IDS.filter((id) => id !== LOCKED_PAGE)) expect(statusOf(id)).toBe('trashed');
    expect(statusOf(LOCKED_PAGE)).toBe('current');
    expect(statusOf('30001')).toBe('current');
    expect(host.confluence.site.content.tasks.list()).toHaveLength(1);
    expect(done.message).toMatch(/6 pages moved to the trash; 1 kept/);
  });

  it('keeps what the person may not delete, by page with the reason, and deletes the rest', async () => {
    // Sam may not edit Board minutes; Confluence lets only who may edit a page delete it.
    const done = await runToEnd(host, SAM, 'delete-page-tree', { pageId: '30002' });
    const refused = done.failures.find((f) => f.itemId === LOCKED_PAGE);
    expect(refused?.reason).toMatch(/You may not delete it/);
    expect(done.failures.find((f) => f.itemId === '30002')?.reason).toMatch(/Kept: “Board minutes” below it/);
    expect(statusOf(LOCKED_PAGE)).toBe('current');
    expect(statusOf('30002')).toBe('current');
    expect(statusOf('30003')).toBe('trashed');
    expect(statusOf('30005')).toBe('trashed');
    expect(statusOf('30012')).toBe('trashed');
    expect(done.progress).toEqual({ done: 5, failed: 2, total: 7 });
    // Two subtrees the person may delete whole: two long tasks.
    expect(host.confluence.site.content.tasks.list()).toHaveLength(2);
  });

  it('refuses a page of another space and one the person cannot delete, before anything runs', async () => {
    const other = await call(host, ADA, 'startScript', { scriptKey: 'delete-page-tree', input: { pageId: '20001' } });
    expect(other.body).toMatchObject({ ok: false });
    const priya = await call(host, PRIYA, 'previewScript', {
      scriptKey: 'delete-page-tree',
      input: { pageId: '30002' },
    });
    expect(priya.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(statusOf('30002')).toBe('current');
  });
});

describe('Copy Page Tree', () => {
  it('previews the copy with its titles, then copies keeping shape and order, with a prefix', async () => {
    const input = { pageId: '30002', destinationPageId: '30001', titlePrefix: 'Old ', copyLabels: true };
    const answer = await preview(host, ADA, 'copy-page-tree', input);
    expect(answer.items.map((i) => i.action).slice(0, 3)).toEqual([
      'copy under “Home” as “Old Guides”',
      'copy as “Old Setup”',
      'copy as “Old Board minutes”',
    ]);
    const done = await runToEnd(host, ADA, 'copy-page-tree', input);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 7, failed: 0, total: 7 } });
    const copyId = done.links?.pageId;
    expect(copyId).toBeDefined();
    expect(shape(copyId!)).toEqual(TREE.map(([title, depth]) => [`Old ${title}`, depth]));
    expect(store().page(copyId!)?.parentId).toBe('30001');
    expect(store().page(copyId!)?.labels).toEqual(['old']);
    expect(shape('30002')).toEqual(TREE);
  });

  it('uses “Copy of ” in the same space without a prefix, and says so', async () => {
    const answer = await preview(host, ADA, 'copy-page-tree', { pageId: '30003', destinationPageId: '30005' });
    expect(answer.warnings.join(' ')).toMatch(/Copy of/);
    const done = await runToEnd(host, ADA, 'copy-page-tree', { pageId: '30003', destinationPageId: '30005' });
    expect(done.state).toBe('succeeded');
    expect(shape(done.links!.pageId!)).toEqual([['Copy of Setup', 0]]);
  });

  it('copies into another space where the person may create pages', async () => {
    const done = await runToEnd(host, SAM, 'copy-page-tree', { pageId: '30005', destinationPageId: ARCHIVE.home });
    expect(done.state).toBe('succeeded');
    expect(shape(done.links!.pageId!)).toEqual([
      ['FAQ', 0],
      ['FAQ: accounts', 1],
      ['FAQ: passwords', 2],
      ['FAQ: billing', 1],
    ]);
    expect(store().page(done.links!.pageId!)?.spaceId).toBe(ARCHIVE.id);
  });

  it('refuses a destination space where the person may not create pages, before it starts', async () => {
    const input = { pageId: '30005', destinationPageId: ARCHIVE.home };
    const previewed = await call(host, PRIYA, 'previewScript', { scriptKey: 'copy-page-tree', input });
    expect(previewed.body).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'input.destinationPageId', message: expect.stringMatching(/Archive \(ARC\)/) },
    });
    const started = await call(host, PRIYA, 'startScript', { scriptKey: 'copy-page-tree', input });
    expect(started.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(host.confluence.site.content.tasks.list()).toHaveLength(0);
  });

  it('refuses to copy a tree under itself', async () => {
    const answer = await call(host, ADA, 'previewScript', {
      scriptKey: 'copy-page-tree',
      input: { pageId: '30002', destinationPageId: '30003' },
    });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'input.destinationPageId' } });
  });
});
