import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';
import { ALL_SCRIPTS, global, replaceTable } from '../support/rules';
import { checkViewInBothThemes, chooseOption } from '../support/space-scripts';

/**
 * The admin page's Script runs tab over runs started in two spaces by three
 * people (through /__local/invoke, as the space page's invoke() would), and
 * the run entries of the Audit log tab.
 */
let host: LocalHost;
let browser: Browser;
let page: Page;
withHostAndBrowser((started) => ({ host, browser } = started), { eventDelayScale: 0 });

async function start(accountId: string, spaceKey: string, scriptKey: string, input: unknown): Promise<string> {
  const answer = await invoke<Envelope<{ runId: string }>>(
    host,
    'space-settings',
    'startScript',
    { scriptKey, input },
    { accountId, spaceKey },
  );
  return dataOf(answer).runId;
}

let runs: { bob: string; sam: string; jane: string };
beforeAll(async () => {
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1400 } })).newPage();
  await replaceTable(host, false, [global(ALL_SCRIPTS)]);
  const bob = await start('u-bob', 'MKT', 'bulk-labels', { target: { type: 'tree', pageId: '10010003' }, add: ['x'] });
  await host.events.idle();
  const sam = await start('u-sam', 'PG', 'bulk-labels', { target: { type: 'space' }, add: ['pg-tag'] });
  await host.events.idle();
  const jane = await start('u-jane', 'MKT', 'bulk-delete-attachments', {
    target: { type: 'tree', pageId: '10010012' },
    mediaTypes: ['text/plain'],
  });
  await host.events.idle();
  runs = { bob, sam, jane };
});

async function openTab(tab: string, theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await page.goto(`${host.url}/admin/admin-page?as=u-ada&theme=${theme}`);
  const frame = await appFrame(page);
  await frame.getByRole('tab', { name: tab }).click();
  return frame;
}

const rowIds = (frame: Frame) =>
  frame
    .getByRole('table', { name: 'Script runs' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-id')));

async function shownRows(frame: Frame, expected: number): Promise<(string | null)[]> {
  await frame.waitForFunction(
    (n) => document.querySelectorAll('table[aria-label="Script runs"] tbody tr').length === n,
    expected,
  );
  return rowIds(frame);
}

test('every run on the site, newest first, with space, person and outcome', async () => {
  const frame = await openTab('Script runs');
  expect(await shownRows(frame, 3)).toEqual([runs.jane, runs.sam, runs.bob]);
  const cells = await frame
    .locator(`tr[data-run-id="${runs.sam}"] td`)
    .evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
  expect(cells.slice(0, 3)).toEqual(['Bulk Add or Remove Labels', 'PG', 'Sam Taylor']);
  // Sam may not edit Proving Ground's pages: every item failed, so the run failed.
  expect(cells[4]).toContain('Failed');
});

test('filters by script, by space and by person', async () => {
  let frame = await openTab('Script runs');
  await shownRows(frame, 3);
  await chooseOption(frame, page, 'Script', 'Bulk Delete Attachments');
  expect(await shownRows(frame, 1)).toEqual([runs.jane]);

  frame = await openTab('Script runs');
  await shownRows(frame, 3);
  await frame.getByLabel('Space', { exact: true }).fill('Proving');
  await frame.getByRole('option', { name: /Proving Ground/ }).click();
  expect(await shownRows(frame, 1)).toEqual([runs.sam]);

  frame = await openTab('Script runs');
  await shownRows(frame, 3);
  await frame.getByLabel('Started by', { exact: true }).fill('Bob');
  await frame.getByRole('option', { name: /Bob Smith/ }).click();
  expect(await shownRows(frame, 1)).toEqual([runs.bob]);
});

test("a run's details show its input, progress and outcome", async () => {
  const frame = await openTab('Script runs');
  await shownRows(frame, 3);
  await frame.getByRole('button', { name: /^Details of Bulk Delete Attachments/ }).click();
  const details = frame.locator('[data-testid="run-details"]');
  await details.waitFor();
  const text = await details.innerText();
  expect(text).toContain('Media types');
  expect(text).toContain('text/plain');
  expect(text).toContain('“Black Friday” and all pages below it');
  expect(text).toContain('Finished: 1 of 1 item done.');
  expect(await details.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
});

test('the audit log lists each run start and end', async () => {
  const frame = await openTab('Audit log');
  const entries = frame.locator('li[data-run-audit]');
  await entries.first().waitFor();
  const shown = await entries.evaluateAll((lis) =>
    lis.map((li) => [
      li.getAttribute('data-run-id'),
      li.getAttribute('data-run-audit'),
      li.querySelector('h3')?.textContent,
    ]),
  );
  expect(shown).toEqual([
    [runs.jane, 'run-ended', 'Bulk Delete Attachments in MKT ended: Succeeded'],
    [runs.jane, 'run-started', 'Started Bulk Delete Attachments in MKT'],
    [runs.sam, 'run-ended', 'Bulk Add or Remove Labels in PG ended: Failed'],
    [runs.sam, 'run-started', 'Started Bulk Add or Remove Labels in PG'],
    [runs.bob, 'run-ended', 'Bulk Add or Remove Labels in MKT ended: Succeeded'],
    [runs.bob, 'run-started', 'Started Bulk Add or Remove Labels in MKT'],
  ]);
  // People by name, looked up for the page; the target page by the title it had at the start.
  const janeStarted = frame.locator(`li[data-run-id="${runs.jane}"][data-run-audit="run-started"]`);
  const janeText = await janeStarted.innerText();
  expect(janeText).toContain('Jane Doe, ');
  expect(janeText).not.toContain('u-jane');
  expect(janeText).toContain('“Black Friday” and all pages below it');
});

test('the Script runs tab and the audit log have no serious or critical accessibility violations', async () => {
  const found = await checkViewInBothThemes(page, 'admin-script-runs', async (theme) => {
    const frame = await openTab('Script runs', theme);
    await shownRows(frame, 3);
    await frame.getByRole('button', { name: /^Details of Bulk Delete Attachments/ }).click();
    await frame.locator('[data-testid="run-details"]').waitFor();
  });
  found.push(
    ...(await checkViewInBothThemes(page, 'admin-audit-runs', async (theme) => {
      const frame = await openTab('Audit log', theme);
      await frame.locator('li[data-run-audit]').first().waitFor();
    })),
  );
  expect(found).toEqual([]);
}, 60_000);
