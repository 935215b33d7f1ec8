import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { itemsOfJob } from '../../../src/storage/permission-jobs/jobs';
import { startHost } from '../../support/local-host';
import { call, preview, runToEnd } from './support';
import { NINA, PRIYA, SAM, SPACE } from './site';
import { writeTreeSite } from './tree-site';

/** Copy Space, previewed then run through the local host. Fresh site per test. */
let host: LocalHost;
afterEach(() => host.close());
const open = async (extraPages = 0) => {
  host = await startHost({ directoryFile: writeTreeSite({ extraPages }), eventDelayScale: 0 });
};

const INPUT = {
  newSpaceKey: 'DOC2',
  newSpaceName: 'Documentation copy',
  copyBlogPosts: true,
  copyAttachments: true,
  copyLabels: true,
  copyPermissions: true,
};

const site = () => host.confluence.site;
const store = () => site().content.store;
/** A space's page tree from its home page as [title, depth], plus its other top-level pages. */
function shapeOf(spaceKey: string): [string, number][] {
  const space = site().spaceByKey(spaceKey)!;
  const out: [string, number][] = [];
  const walk = (id: string, depth: number) => {
    out.push([store().page(id)!.title, depth]);
    for (const c of store()
      .children(id)
      .filter((p) => p.status === 'current'))
      walk(c.id, depth + 1);
  };
  walk(space.homepageId!, 0);
  return out;
}

describe('Copy Space', () => {
  it('refuses a key that is taken, one Confluence would refuse, or a person who may not create spaces', async () => {
    await open();
    const taken = await call(host, SAM, 'previewScript', {
      scriptKey: 'copy-space',
      input: { ...INPUT, newSpaceKey: 'arc' },
    });
    expect(taken.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'input.newSpaceKey' } });
    const bad = await call(host, SAM, 'startScript', {
      scriptKey: 'copy-space',
      input: { ...INPUT, newSpaceKey: 'DOC-2' },
    });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'input.newSpaceKey' } });
    const long = await call(host, SAM, 'startScript', {
      scriptKey: 'copy-space',
      input: { ...INPUT, newSpaceKey: 'K'.repeat(256) },
    });
    expect(long.body).toMatchObject({ ok: false, error: { field: 'input.newSpaceKey' } });
    const priya = await call(host, PRIYA, 'startScript', { scriptKey: 'copy-space', input: INPUT });
    expect(priya.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(site().spaceByKey('DOC2')).toBeUndefined();
  });

  it('previews what it will create and copy', async () => {
    await open();
    const answer = await preview(host, SAM, 'copy-space', INPUT);
    expect(answer.total).toBe(8 + 2);
    expect(answer.items[0]).toMatchObject({ title: 'Home', depth: 0, action: 'becomes the home page of DOC2' });
    expect(answer.summary).toMatch(
      /Creates the space Documentation copy \(DOC2\) with you as its admin.*8 pages.*2 blog posts/,
    );
    expect(answer.summary).toMatch(/space permissions are queued as one permission change/);
  });

  it('creates the space, copies pages (shape and order), blog posts, labels, attachments, and queues the permissions', async () => {
    await open();
    const done = await runToEnd(host, SAM, 'copy-space', INPUT);
    expect(done.failures).toEqual([]);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 12, failed: 0, total: 12 } });
    expect(shapeOf('DOC2')).toEqual(shapeOf(SPACE.key));
    const copy = site().spaceByKey('DOC2')!;
    expect(site().isSpaceAdmin(SAM, copy.id)).toBe(true);
    const guides = store().pageTitled(copy.id, 'Guides')!;
    expect(guides.labels).toEqual(['old']);
    expect(
      store()
        .attachmentsOn(guides.id)
        .map((a) => a.title),
    ).toEqual(['diagram.png', 'notes.txt']);
    const posts = store()
      .blogpostsOf(copy.id)
      .map((b) => b.title);
    expect(posts.sort()).toEqual(['News', 'Release notes']);
    expect(done.links).toMatchObject({ spaceKey: 'DOC2', permissionJobId: expect.any(String) });
    // The job grants the source's users and groups their permissions in the new space.
    const items = await itemsOfJob(done.links!.permissionJobId!);
    expect(new Set(items.map((i) => i.data.spaceKey))).toEqual(new Set(['DOC2']));
    const granted = items
      .filter((i) => i.state === 'pending')
      .map((i) =>
        'operation' in i.data ? `${i.data.subject.id} ${i.data.operation.key}/${i.data.operation.target}` : '',
      );
    expect(granted).toEqual(expect.arrayContaining([`${NINA} read/space`, 'g-power administer/space']));
    // Sam's own permissions are already so (he is the new space's admin): never queued to change.
    expect(items.filter((i) => i.data.subject.id === SAM).every((i) => i.state === 'already')).toBe(true);
    void kvs;
  });

  it('resumes a run interrupted mid-copy without duplicates', async () => {
    await open(150);
    const creates = (c: { kind: string; label: string }) =>
      c.kind === 'product' && c.label === 'POST /wiki/api/v2/pages';
    host.events.planConsumerFault({ afterCalls: 60, match: creates, as: 'crash' });
    const done = await runToEnd(host, SAM, 'copy-space', { ...INPUT, copyPermissions: false });
    expect(host.events.deliveries().map((d) => d.outcome.kind)).toContain('ended');
    expect(done).toMatchObject({ state: 'succeeded', progress: { failed: 0 } });
    const copy = site().spaceByKey('DOC2')!;
    const titles = store()
      .pagesOf(copy.id)
      .filter((p) => p.status === 'current')
      .map((p) => p.title);
    expect(titles.length).toBe(new Set(titles).size);
    expect(titles.length).toBe(
      store()
        .pagesOf('2001')
        .filter((p) => p.status === 'current').length,
    );
    expect(shapeOf('DOC2')).toEqual(shapeOf(SPACE.key));
  });
});
