import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { withHostAndBrowser } from '../support/browser';
import { invoke } from '../support/local-host';
import { ALL_SCRIPTS, global, replaceTable } from '../support/rules';
import {
  chooseOption,
  finished,
  openScript,
  openSpacePage,
  PEOPLE,
  preview,
  restGet,
  run,
} from '../support/space-scripts';

/**
 * Delete Page Tree, Copy Page Tree and Copy Space driven from Marketing's
 * space settings page (demo fixture) as its space admin Bob, then the
 * emulated site read back: the trash after a delete, the shape and titles
 * of a copy, a copied space's pages and the permission job it queued.
 */
let host: LocalHost;
let browser: Browser;
let page: Page;
withHostAndBrowser((started) => ({ host, browser } = started), { eventDelayScale: 0 });
beforeAll(async () => {
  page = await (await browser.newContext({ viewport: { width: 1100, height: 1400 } })).newPage();
  await replaceTable(host, false, [global(ALL_SCRIPTS)]);
});

const site = () => host.confluence.site;
const store = () => site().content.store;
const BOB = PEOPLE.bob.accountId;
/** Bob reads the site back himself: the copies are his. */
const asBob = <T = any>(path: string) => restGet<T>(host, path, PEOPLE.bob); // eslint-disable-line @typescript-eslint/no-explicit-any -- loose REST bodies

async function openAsBob(scriptName: string): Promise<Frame> {
  const frame = await openSpacePage(page, host, BOB, 'MKT');
  await openScript(frame, scriptName);
  return frame;
}

/** Picks a page of this space in the picker labelled `label` by typing part of its title. */
async function pick(frame: Frame, label: string, typed: string, title: string): Promise<void> {
  await frame.getByLabel(label, { exact: true }).fill(typed);
  await frame
    .getByRole('option', { name: new RegExp(`^${title}( \\(in |$)`) })
    .first()
    .click();
}

/** A page's tree as [title, depth], children in their order, read back through the v2 REST API. */
async function restShape(rootId: string, depth = 0): Promise<[string, number][]> {
  const root = await asBob<{ title: string }>(`/wiki/api/v2/pages/${rootId}`);
  const children = await asBob<{ results: { id: string }[] }>(`/wiki/api/v2/pages/${rootId}/children?limit=250`);
  const out: [string, number][] = [[root.body.title, depth]];
  for (const c of children.body.results) out.push(...(await restShape(c.id, depth + 1)));
  return out;
}

test('Delete Page Tree: the preview lists the tree with depth, the run moves it to the trash', async () => {
  // Marketing's admins hold administer but not delete/page in the demo fixture.
  site()
    .space('1001')!
    .permissions.push({ subject: { type: 'user', id: BOB }, operation: { key: 'delete', target: 'page' } });
  const frame = await openAsBob('Delete Page Tree');
  await pick(frame, 'Page to delete', 'spring', 'Spring launch');
  const shown = await preview(frame);
  expect(shown.count).toBe('4 items would change.');
  expect(shown.items.map((i) => i.id)).toEqual(['10010003', '10010004', '10010005', '10010006']);
  expect(shown.summary).toMatch(/Moves “Spring launch” and its 3 descendant pages to the trash/);
  expect((await restGet<{ status: string }>(host, '/wiki/api/v2/pages/10010005')).body.status).toBe('current');

  await run(frame);
  expect(await finished(frame)).toBe('Finished: 4 of 4 items done.');
  for (const id of ['10010003', '10010004', '10010005', '10010006']) {
    expect((await restGet(host, `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    const trashed = await restGet<{ status: string }>(host, `/wiki/api/v2/pages/${id}?status=trashed`);
    expect(trashed.body.status).toBe('trashed');
  }
  expect((await restGet<{ status: string }>(host, '/wiki/api/v2/pages/10010002')).body.status).toBe('current');
});

test('Copy Page Tree: into another space, with a prefix; shape, order and titles kept', async () => {
  const source = await restShape('10010007');
  const frame = await openAsBob('Copy Page Tree');
  await pick(frame, 'Page to copy', 'summer', 'Summer sale');
  await chooseOption(frame, page, 'Copy to', 'In another space');
  await frame.getByLabel('Or its id or address', { exact: true }).fill('10040002');
  await frame.getByLabel('Title prefix', { exact: true }).fill('2026 ');
  const shown = await preview(frame);
  expect(shown.summary).toMatch(/under “Architecture” in Engineering \(ENG\)/);
  expect(shown.items[0]!.cells.at(-1)).toBe('copy under “Architecture” as “2026 Summer sale”');

  await run(frame);
  expect(await finished(frame)).toMatch(/^Finished: \d+ of \d+ items done\.$/);
  const found = await asBob<{ results: { id: string }[] }>('/wiki/api/v2/spaces/1004/pages?title=2026%20Summer%20sale');
  const copyId = found.body.results[0]!.id;
  expect(await restShape(copyId)).toEqual(source.map(([title, depth]) => [`2026 ${title}`, depth]));
  expect((await asBob<{ parentId: string }>(`/wiki/api/v2/pages/${copyId}`)).body.parentId).toBe('10040002');
});

test('Copy Page Tree into a space where Bob may not create pages is refused before it starts', async () => {
  const pg = site().space('1003')!;
  const bobsGroups = new Set(
    site()
      .groupsOf(BOB)
      .map((g) => g.id),
  );
  pg.permissions = pg.permissions.filter(
    (p) =>
      !(p.operation.key === 'create' && p.operation.target === 'page') ||
      !(p.subject.id === BOB || bobsGroups.has(p.subject.id)),
  );
  const tasksBefore = site().content.tasks.list().length;
  const frame = await openAsBob('Copy Page Tree');
  await pick(frame, 'Page to copy', 'black', 'Black Friday');
  await chooseOption(frame, page, 'Copy to', 'In another space');
  await frame.getByLabel('Or its id or address', { exact: true }).fill('10030001');
  await frame.getByRole('button', { name: 'Preview', exact: true }).click();
  const message = frame.getByText(/You may not create pages in Proving Ground/);
  await message.first().waitFor();
  expect(site().content.tasks.list().length).toBe(tasksBefore);
  // The server refuses the start too, whatever the page shows.
  const started = await invoke<{ ok: boolean; error?: { code: string } }>(
    host,
    'space-settings',
    'startScript',
    { scriptKey: 'copy-page-tree', input: { pageId: '10010012', destinationPageId: '10030001' } },
    { accountId: BOB, spaceKey: 'MKT' },
  );
  expect(started.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('Copy Space: interrupted mid-copy, it resumes; the new space has every page once, and the permission job is queued', async () => {
  site().user(BOB)!.canCreateSpace = true;
  const frame = await openAsBob('Copy Space');
  await frame.getByLabel('Key of the new space', { exact: true }).fill('MKT2');
  await frame.getByLabel('Name of the new space', { exact: true }).fill('Marketing copy');
  await frame.getByText('Copy permissions', { exact: true }).click();
  const shown = await preview(frame);
  expect(shown.summary).toMatch(/Creates the space Marketing copy \(MKT2\) with you as its admin/);
  expect(shown.summary).toMatch(/queued as one permission change/);

  // The consumer dies right after its 30th page creation reached Confluence; Forge retries it.
  host.events.planConsumerFault({
    afterCalls: 30,
    match: (c) => c.kind === 'product' && c.label === 'POST /wiki/api/v2/pages',
  });
  await run(frame);
  expect(await finished(frame)).toMatch(/^Finished: /);
  expect(host.events.deliveries().some((d) => d.outcome.kind === 'ended')).toBe(true);
  const links = await frame.getByTestId('run-links').innerText();
  expect(links).toContain('New space: MKT2');
  expect(links).toMatch(/Permission change job: j\w+/);

  const copy = site().spaceByKey('MKT2')!;
  const current = (spaceId: string) =>
    store()
      .pagesOf(spaceId)
      .filter((p) => p.status === 'current');
  const titles = current(copy.id).map((p) => p.title);
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles.sort()).toEqual(
    current('1001')
      .map((p) => p.title)
      .sort(),
  );
  expect(await restShape(copy.homepageId!)).toEqual(await restShape('10010001'));
  expect(site().isSpaceAdmin(BOB, copy.id)).toBe(true);

  const jobs = await invoke<{ ok: boolean; data: { jobs: { items: { spaceKey: string; state: string }[] }[] } }>(
    host,
    'admin-page',
    'listPermissionJobs',
    {},
    { accountId: PEOPLE.ada.accountId },
  );
  const job = jobs.body.data.jobs[0]!;
  expect(new Set(job.items.map((i) => i.spaceKey))).toEqual(new Set(['MKT2']));
  expect(job.items.some((i) => i.state === 'queued')).toBe(true);
});
