import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { withHostAndBrowser } from '../support/browser';
import { ALL_SCRIPTS, global, replaceTable } from '../support/rules';
import {
  checkViewInBothThemes,
  chooseOption,
  finished,
  openScript,
  openSpacePage,
  PEOPLE,
  preview,
  restGet,
  run,
  targetTree,
} from '../support/space-scripts';

/**
 * The pickers of the script forms, driven from Marketing's space settings
 * page (demo fixture) as its space admin Bob: Copy Page Tree's destination
 * found in another space, and Bulk Delete Comments' authors chosen by name;
 * then the emulated site read back. Axe and screenshots of both forms.
 */
let host: LocalHost;
let browser: Browser;
let page: Page;
withHostAndBrowser((started) => ({ host, browser } = started), { eventDelayScale: 0 });
beforeAll(async () => {
  page = await (await browser.newContext({ viewport: { width: 1100, height: 1400 } })).newPage();
  await replaceTable(host, false, [global(ALL_SCRIPTS)]);
});

const BOB = PEOPLE.bob.accountId;
const asBob = <T = any>(path: string) => restGet<T>(host, path, PEOPLE.bob); // eslint-disable-line @typescript-eslint/no-explicit-any -- loose REST bodies

async function openAsBob(scriptName: string, theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  const frame = await openSpacePage(page, host, BOB, 'MKT', theme);
  await openScript(frame, scriptName);
  return frame;
}

/** The option texts the open menu shows. */
const menuOptions = (frame: Frame) => frame.getByRole('option').allInnerTexts();

async function pickHere(frame: Frame, label: string, typed: string, title: string): Promise<void> {
  await frame.getByLabel(label, { exact: true }).fill(typed);
  await frame
    .getByRole('option', { name: new RegExp(`^${title}( \\(in |$)`) })
    .first()
    .click();
}

/** Copy Page Tree with "In another space" chosen and `typed` in the destination picker, its menu open. */
async function searchDestination(frame: Frame, typed: string): Promise<void> {
  await pickHere(frame, 'Page to copy', 'summer', 'Summer sale');
  await chooseOption(frame, page, 'Copy to', 'In another space');
  await frame.getByLabel('Parent page of the copy', { exact: true }).fill(typed);
  await frame.getByRole('option').first().waitFor();
}

test('Copy Page Tree: the destination is found in another space, each match naming its space', async () => {
  const frame = await openAsBob('Copy Page Tree');
  await searchDestination(frame, 'archi');
  expect(await menuOptions(frame)).toContain('Architecture (in Engineering Home) — Engineering (ENG)');
  await frame.getByRole('option', { name: /^Architecture .*— Engineering \(ENG\)$/ }).click();
  // The chosen page keeps its space in view.
  expect(await frame.getByText('Architecture — Engineering (ENG)', { exact: true }).count()).toBe(1);
  await frame.getByLabel('Title prefix', { exact: true }).fill('Picked ');
  const shown = await preview(frame);
  expect(shown.summary).toMatch(/under “Architecture” in Engineering \(ENG\)/);

  await run(frame);
  expect(await finished(frame)).toMatch(/^Finished: \d+ of \d+ items done\.$/);
  const found = await asBob<{ results: { id: string }[] }>(
    '/wiki/api/v2/spaces/1004/pages?title=Picked%20Summer%20sale',
  );
  const copyId = found.body.results[0]!.id;
  expect((await asBob<{ parentId: string }>(`/wiki/api/v2/pages/${copyId}`)).body.parentId).toBe('10040002');
});

test('Copy Page Tree: pages Bob cannot see are never offered as a destination', async () => {
  const frame = await openAsBob('Copy Page Tree');
  await pickHere(frame, 'Page to copy', 'summer', 'Summer sale');
  await chooseOption(frame, page, 'Copy to', 'In another space');
  // HR's Compensation tree is read-restricted to people Bob is not among.
  await frame.getByLabel('Parent page of the copy', { exact: true }).fill('compensation');
  await frame.getByText('No pages match “compensation”').waitFor();
  // ADS gives the "no options" line the option role; it is the only line.
  expect(await menuOptions(frame)).toEqual(['No pages match “compensation”']);
});

test('Copy Page Tree: a typed address is the fallback, and a pick replaces it', async () => {
  const frame = await openAsBob('Copy Page Tree');
  await pickHere(frame, 'Page to copy', 'summer', 'Summer sale');
  await chooseOption(frame, page, 'Copy to', 'In another space');
  await frame.getByLabel('Or its id or address', { exact: true }).fill('not a page');
  await frame.getByRole('button', { name: 'Preview', exact: true }).click();
  await frame.getByText('This is neither a page id nor a page address.').waitFor();
  await frame.getByLabel('Or its id or address', { exact: true }).fill('/wiki/spaces/ENG/pages/10040002/Architecture');
  expect((await preview(frame)).summary).toMatch(/under “Architecture” in Engineering \(ENG\)/);
  await frame.getByLabel('Parent page of the copy', { exact: true }).fill('archi');
  await frame.getByRole('option', { name: /^Architecture .*— Engineering \(ENG\)$/ }).click();
  expect(await frame.getByLabel('Or its id or address', { exact: true }).inputValue()).toBe('');
});

test('Bulk Delete Comments: authors chosen by name; the preview names them; only their comments go', async () => {
  const frame = await openAsBob('Bulk Delete Comments');
  await targetTree(frame, page, 'spring', 'Spring launch');
  const authors = frame.getByLabel('Written by', { exact: true });
  await authors.fill('jane');
  await frame.getByRole('option', { name: 'Jane Doe', exact: true }).click();
  await authors.fill('love');
  await frame.getByRole('option', { name: 'Ada Lovelace', exact: true }).click();
  const shown = await preview(frame);
  expect(shown.items.map((i) => i.id).sort()).toEqual(['10016003', '10016004', '10016007', '10016008', '10016009']);
  const reasons = shown.items.map((i) => i.cells[2]!);
  expect(reasons.filter((r) => /, by Jane Doe, /.test(r))).toHaveLength(3);
  expect(reasons.filter((r) => /, by Ada Lovelace, /.test(r))).toHaveLength(2);

  await run(frame, { confirm: true });
  expect(await finished(frame)).toBe('Finished: 5 of 5 items done.');
  // The run's input names the page and the people, as they were when it started.
  const details = await frame.locator('[data-testid="run-details"]').innerText();
  expect(details).toContain('“Spring launch” and all pages below it');
  expect(details).toContain('Jane Doe, Ada Lovelace');
  const left = async (pageId: string) =>
    (
      await restGet<{ results: { id: string }[] }>(host, `/wiki/api/v2/pages/${pageId}/footer-comments`)
    ).body.results.map((c) => c.id);
  expect(await left('10010003')).toEqual([]);
  expect(await left('10010004')).toEqual(['10016005']); // Sam's
  expect(await left('10010005')).toEqual(['10016006']); // Nina's
});

test('the pickers pass axe in light and dark, menus open', async () => {
  const found = await checkViewInBothThemes(page, 'picker-copy-destination', async (theme) => {
    const frame = await openAsBob('Copy Page Tree', theme);
    await searchDestination(frame, 'a');
  });
  found.push(
    ...(await checkViewInBothThemes(page, 'picker-comment-authors', async (theme) => {
      const frame = await openAsBob('Bulk Delete Comments', theme);
      const authors = frame.getByLabel('Written by', { exact: true });
      await authors.fill('pat');
      await frame.getByRole('option', { name: 'Pat Morgan', exact: true }).click();
      await authors.fill('a');
      await frame.getByRole('option').first().waitFor();
    })),
  );
  expect(found).toEqual([]);
});
