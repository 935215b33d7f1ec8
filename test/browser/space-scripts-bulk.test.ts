import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot, withHostAndBrowser } from '../support/browser';
import { ALL_SCRIPTS, global, replaceTable } from '../support/rules';
import {
  checkViewInBothThemes,
  finished,
  openScript,
  openSpacePage,
  PEOPLE,
  preview,
  restGet,
  run,
  seriousViolations,
  targetTree,
} from '../support/space-scripts';

/**
 * The four bulk scripts driven from the space settings page of Marketing
 * (demo fixture) as its space admin Bob: form, preview, run, progress and
 * result; then Confluence's state read back through the emulated REST API.
 * Events are delivered at once (eventDelayScale 0); the page follows the
 * run by polling as it would on Forge.
 */
let host: LocalHost;
let browser: Browser;
let page: Page;
withHostAndBrowser((started) => ({ host, browser } = started), { eventDelayScale: 0 });
beforeAll(async () => {
  page = await (await browser.newContext({ viewport: { width: 1100, height: 1400 } })).newPage();
  await replaceTable(host, false, [global(ALL_SCRIPTS)]);
});

const labelsOf = async (pageId: string): Promise<string[]> =>
  (await restGet<{ results: { name: string }[] }>(host, `/wiki/api/v2/pages/${pageId}/labels`)).body.results.map(
    (l) => l.name,
  );

async function openAsBob(scriptName: string, theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  const frame = await openSpacePage(page, host, PEOPLE.bob.accountId, 'MKT', theme);
  await openScript(frame, scriptName);
  return frame;
}

test('Bulk Add or Remove Labels: a page tree gets the labels added and removed', async () => {
  expect(await labelsOf('10010005')).toEqual(['q3']);
  const frame = await openAsBob('Bulk Add or Remove Labels');
  await targetTree(frame, page, 'spring', 'Spring launch');
  await frame.getByLabel('Labels to add', { exact: true }).fill('Reviewed, q4');
  await frame.getByLabel('Labels to remove', { exact: true }).fill('q3');
  const shown = await preview(frame);
  expect(shown.count).toBe('4 items would change.');
  expect(shown.permanent).toBe(false);
  expect(shown.items.map((i) => i.id)).toEqual(['10010003', '10010004', '10010005', '10010006']);
  expect(shown.items[2]!.cells.at(-1)).toBe('add reviewed, q4; remove q3');
  // Nothing changed yet: a preview only reads.
  expect(await labelsOf('10010005')).toEqual(['q3']);

  await run(frame);
  expect(await finished(frame)).toBe('Finished: 4 of 4 items done.');
  expect(await frame.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  expect((await labelsOf('10010003')).sort()).toEqual(['howto', 'q4', 'reviewed']);
  expect((await labelsOf('10010005')).sort()).toEqual(['q4', 'reviewed']);
  expect((await labelsOf('10010006')).sort()).toEqual(['q4', 'reviewed']);
});

test('Bulk Delete Comments: the preview says it is permanent, the run asks first, footer comments go', async () => {
  const frame = await openAsBob('Bulk Delete Comments');
  await targetTree(frame, page, 'summer', 'Summer sale');
  await frame.getByText('Inline comments', { exact: true }).click(); // footer comments only
  const shown = await preview(frame);
  expect(shown.permanent).toBe(true);
  expect(shown.count).toBe('7 items would change.');
  expect(shown.items.map((i) => i.id).sort()).toEqual(
    ['10016010', '10016012', '10016013', '10016015', '10016016', '10016017', '10016019'].sort(),
  );

  // Cancelling the question starts nothing.
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  const dialog = frame.getByRole('dialog');
  expect(await dialog.innerText()).toContain('Bulk Delete Comments will permanently remove 7 items from this space.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  const before = await restGet<{ results: { id: string }[] }>(host, '/wiki/api/v2/pages/10010007/footer-comments');
  expect(before.body.results.map((c) => c.id)).toEqual(['10016010', '10016012']);

  await run(frame, { confirm: true });
  expect(await finished(frame)).toBe('Finished: 7 of 7 items done.');
  const after = await restGet<{ results: unknown[] }>(host, '/wiki/api/v2/pages/10010007/footer-comments');
  expect(after.body.results).toEqual([]);
  const footer = await restGet<{ results: unknown[] }>(host, '/wiki/api/v2/pages/10010009/footer-comments');
  expect(footer.body.results).toEqual([]);
  const inline = await restGet<{ results: { id: string }[] }>(host, '/wiki/api/v2/pages/10010009/inline-comments');
  expect(inline.body.results.map((c) => c.id)).toEqual(['10016014']);
});

test('Bulk Delete Attachments: PDFs of a page tree move to the trash, the others stay', async () => {
  const frame = await openAsBob('Bulk Delete Attachments');
  await targetTree(frame, page, 'black', 'Black Friday');
  await frame.getByLabel('Media types', { exact: true }).fill('application/pdf');
  await page.keyboard.press('Enter');
  const shown = await preview(frame);
  expect(shown.permanent).toBe(false);
  expect(shown.items.map((i) => i.id).sort()).toEqual(['att10018023', 'att10018026']);

  await run(frame);
  expect(await finished(frame)).toBe('Finished: 2 of 2 items done.');
  const pdf = await restGet<{ status: string }>(host, '/wiki/api/v2/attachments/att10018023');
  expect(pdf.body.status).toBe('trashed');
  const video = await restGet<{ status: string }>(host, '/wiki/api/v2/attachments/att10018024');
  expect(video.body.status).toBe('current');
});

test('Bulk Purge Trash: trashed pages are purged for good, trashed blog posts stay', async () => {
  // The script checks the delete permission on each trashed page before purging it; in the demo
  // fixture Marketing's admins hold administer but not delete/page, so Bob is given delete/page here.
  const marketing = host.confluence.site.space('1001');
  if (!marketing) throw new Error('the demo fixture has no Marketing space');
  marketing.permissions.push({ subject: { type: 'user', id: 'u-bob' }, operation: { key: 'delete', target: 'page' } });
  expect((await restGet(host, '/wiki/api/v2/pages/10010047?status=trashed')).status).toBe(200);
  const frame = await openAsBob('Bulk Purge Trash');
  await frame.getByText('Blog posts', { exact: true }).click();
  await frame.getByText('Attachments', { exact: true }).click();
  const shown = await preview(frame);
  expect(shown.permanent).toBe(true);
  expect(shown.count).toBe('10 items would change.');

  await run(frame, { confirm: true });
  expect(await finished(frame)).toBe('Finished: 10 of 10 items done.');
  expect((await restGet(host, '/wiki/api/v2/pages/10010047?status=trashed')).status).toBe(404);
  expect((await restGet(host, '/wiki/api/v2/pages/10010066?status=trashed')).status).toBe(404);
  const blog = await restGet<{ status: string }>(host, '/wiki/api/v2/blogposts/10015004?status=trashed');
  expect(blog.body.status).toBe('trashed');
});

test('a failed item shows with its reason; its siblings are done', async () => {
  // Budget's update restriction lists only Bob: Jane, also an admin of Marketing, may not label it.
  const frame = await openSpacePage(page, host, 'u-jane', 'MKT');
  await openScript(frame, 'Bulk Add or Remove Labels');
  await targetTree(frame, page, 'budget', 'Budget');
  await frame.getByLabel('Labels to add', { exact: true }).fill('fy26');
  await preview(frame);
  await run(frame);
  expect(await finished(frame)).toBe('Finished with failures: 2 of 3 items done, 1 failed.');
  const failure = frame.locator('li[data-failure-item="10010092"]');
  expect(await failure.innerText()).toContain('Budget');
  expect(await labelsOf('10010092')).not.toContain('fy26');
  expect(await labelsOf('10010093')).toContain('fy26');
});

test('cancel stops a run before it applies anything more', async () => {
  host.events.emulator.hold();
  try {
    const frame = await openAsBob('Bulk Add or Remove Labels');
    await frame.getByLabel('Labels to add', { exact: true }).fill('never-applied');
    await preview(frame);
    await run(frame);
    await frame.getByRole('button', { name: 'Cancel run' }).click();
    await frame.getByRole('button', { name: 'Cancel requested' }).waitFor();
    host.events.emulator.release();
    expect(await finished(frame)).toMatch(/^Cancelled: /);
  } finally {
    host.events.emulator.release();
  }
  await host.events.idle();
  expect(await labelsOf('10010001')).not.toContain('never-applied');
});

test('after a reload the page keeps following a run that is under way', async () => {
  host.events.emulator.hold();
  let frame: Frame;
  try {
    frame = await openAsBob('Bulk Add or Remove Labels');
    await targetTree(frame, page, 'black', 'Black Friday');
    await frame.getByLabel('Labels to add', { exact: true }).fill('followed');
    await preview(frame);
    await run(frame);
    await page.reload();
    frame = await appFrame(page);
    const running = frame.locator('[data-running-run]');
    await running.waitFor();
    expect(await running.innerText()).toContain('Bulk Add or Remove Labels, started by Bob Smith');
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, 'space-scripts-running-now-light');
  } finally {
    host.events.emulator.release();
  }
  await frame.getByRole('button', { name: 'Follow Bulk Add or Remove Labels' }).click();
  expect(await finished(frame)).toBe('Finished: 4 of 4 items done.');
  expect(await labelsOf('10010015')).toContain('followed');
});

test('Recent runs list who ran what, when, and the outcome, newest first', async () => {
  const frame = await openSpacePage(page, host, PEOPLE.bob.accountId, 'MKT');
  const table = frame.getByRole('table', { name: /^Recent runs in / });
  await table.waitFor();
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent ?? '')),
    );
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['Bulk Add or Remove Labels', 'Bob Smith'],
    ['Bulk Add or Remove Labels', 'Bob Smith'],
    ['Bulk Add or Remove Labels', 'Jane Doe'],
    ['Bulk Purge Trash', 'Bob Smith'],
    ['Bulk Delete Attachments', 'Bob Smith'],
    ['Bulk Delete Comments', 'Bob Smith'],
    ['Bulk Add or Remove Labels', 'Bob Smith'],
  ]);
  expect(rows[1]![3]).toContain('Cancelled');
  expect(rows[2]![3]).toContain('1 failed');
  await frame.getByRole('button', { name: /^Details of Bulk Purge Trash/ }).click();
  await frame.getByText('Trashed content').waitFor();
  expect(await frame.locator('dl').innerText()).toContain('pages');
});

test('a restricted script stays listed with its reason and no way to run it', async () => {
  await replaceTable(host, true, [
    global(ALL_SCRIPTS),
    { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: ['bulk-labels'] },
  ]);
  try {
    const frame = await openSpacePage(page, host, PEOPLE.bob.accountId, 'MKT');
    const restricted = frame.locator('li[data-script-key="bulk-delete-comments"]');
    expect(await restricted.innerText()).toContain('Restricted for you by a rule set for your account.');
    expect(await restricted.getByRole('button').count()).toBe(0);
    expect(await frame.locator('li[data-script-key="bulk-labels"]').getByRole('button').count()).toBe(1);
  } finally {
    await replaceTable(host, false, [global(ALL_SCRIPTS)]);
  }
});

test('the server decides at preview: a script restricted after the page loaded answers with the reason', async () => {
  const frame = await openAsBob('Bulk Delete Comments');
  await replaceTable(host, true, [global(ALL_SCRIPTS), { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] }]);
  try {
    await frame.getByRole('button', { name: 'Preview', exact: true }).click();
    const refused = frame.getByRole('heading', { name: 'The script could not continue' });
    await refused.waitFor();
    expect(await frame.getByText('Restricted for you by a rule set for your account.').count()).toBe(1);
    expect(await frame.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
  } finally {
    await replaceTable(host, false, [global(ALL_SCRIPTS)]);
  }
});

test('a form can be filled, previewed and run from the keyboard alone', async () => {
  const frame = await openSpacePage(page, host, PEOPLE.bob.accountId, 'MKT');
  await frame.getByRole('button', { name: 'Open Bulk Add or Remove Labels' }).focus();
  await page.keyboard.press('Enter');
  // Back is focused on arrival; Tab moves through Pages, Labels to add, Labels to remove, Preview.
  await frame.getByRole('button', { name: 'Back to built-in scripts' }).waitFor();
  await frame.getByLabel('Labels to add', { exact: true }).waitFor(); // the form's module has loaded
  expect(await frame.evaluate(() => document.activeElement?.textContent)).toBe('Back to built-in scripts');
  await page.keyboard.press('Tab'); // Pages (stays "Every page in MKT")
  await page.keyboard.press('Tab');
  await page.keyboard.type('keyboard-made');
  await page.keyboard.press('Tab'); // Labels to remove
  await page.keyboard.press('Tab'); // Preview
  await page.keyboard.press('Enter');
  await frame.locator('[data-testid="script-preview"]').waitFor();
  await page.keyboard.press('Tab'); // Run
  await page.keyboard.press('Enter');
  expect(await finished(frame)).toMatch(/^Finished/);
  expect(await labelsOf('10010001')).toContain('keyboard-made');
});

/** Each new view, brought up in the given theme, for axe and a screenshot. */
const VIEWS: [string, (theme: 'light' | 'dark') => Promise<void>][] = [
  [
    'space-scripts-form',
    async (theme) => {
      const frame = await openAsBob('Bulk Delete Attachments', theme);
      await targetTree(frame, page, 'spring', 'Spring launch');
      await frame.getByLabel('Older than (days)', { exact: true }).fill('soon');
      await frame.getByRole('button', { name: 'Preview', exact: true }).click();
      await frame.getByText('Enter a whole number of days').waitFor();
    },
  ],
  [
    'space-scripts-preview',
    async (theme) => {
      const frame = await openAsBob('Bulk Delete Comments', theme);
      await preview(frame);
    },
  ],
  [
    'space-scripts-confirm',
    async (theme) => {
      const frame = await openAsBob('Bulk Delete Comments', theme);
      await preview(frame);
      await frame.getByRole('button', { name: 'Run', exact: true }).click();
      await frame.getByRole('dialog').waitFor();
      // axe reads colours mid fade-in as too faint: let the dialog's entrance finish first.
      // (An animation replaced by another rejects `finished`: settled is enough.)
      await frame.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
    },
  ],
  [
    'space-scripts-run',
    async (theme) => {
      const frame = await openSpacePage(page, host, 'u-jane', 'MKT', theme);
      // Jane's run, the one with a failure.
      await frame
        .locator('tr[data-run-id]', { hasText: 'Jane Doe' })
        .getByRole('button', { name: /^Details of Bulk Add or Remove Labels/ })
        .click();
      await frame.locator('li[data-failure-item]').first().waitFor();
    },
  ],
  [
    'space-scripts-list',
    async (theme) => {
      const frame = await openSpacePage(page, host, PEOPLE.bob.accountId, 'MKT', theme);
      await frame.getByRole('table', { name: /^Recent runs in / }).waitFor();
    },
  ],
];

test.each(VIEWS)('%s has no serious or critical accessibility violations, in light and dark', async (name, show) => {
  expect(await checkViewInBothThemes(page, name, show)).toEqual([]);
});
