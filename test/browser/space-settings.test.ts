import AxeBuilder from '@axe-core/playwright';
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot, withHostAndBrowser } from '../support/browser';
import { ALL_BUT_COPY_SPACE, ALL_SCRIPTS, global, replaceTable } from '../support/rules';

/**
 * The space settings page, for the people of the six ScriptRunner scenarios (docs/rules.md, "Precedence"),
 * in Marketing, Human Resources and Proving Ground: exactly the scripts and
 * reasons the rules give, available first.
 */
const NAMES: Record<string, string> = {
  'bulk-delete-attachments': 'Bulk Delete Attachments',
  'bulk-delete-comments': 'Bulk Delete Comments',
  'bulk-purge-trash': 'Bulk Purge Trash',
  'copy-space': 'Copy Space',
  'delete-page-tree': 'Delete Page Tree',
  'copy-page-tree': 'Copy Page Tree',
  'bulk-labels': 'Bulk Add or Remove Labels',
};

let host: LocalHost;
let browser: Browser;
let page: Page;
withHostAndBrowser((started) => ({ host, browser } = started));
beforeAll(async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
});

interface Shown {
  summary: string;
  items: { name: string; reason: string }[];
}

async function open(accountId: string, spaceKey: string, theme: 'light' | 'dark' = 'light'): Promise<Frame> {
  await page.goto(`${host.url}/spaces/${spaceKey}/settings/built-in-scripts?as=${accountId}&theme=${theme}`);
  const frame = await appFrame(page);
  await frame.waitForSelector('li, [role="alert"], p:has-text("not an admin")');
  return frame;
}

async function shown(accountId: string, spaceKey: string): Promise<Shown> {
  const frame = await open(accountId, spaceKey);
  return frame.evaluate(() => ({
    summary: (document.body.innerText.match(/You can run \d+ of \d+[^\n]*/) ?? [document.body.innerText])[0]!,
    items: [...document.querySelectorAll('li')].map((li) => {
      const texts = [...li.querySelectorAll('p')].map((p) => p.textContent ?? '');
      return { name: li.querySelector('h3')?.textContent ?? '', reason: texts[texts.length - 1] ?? '' };
    }),
  }));
}

/** What the page must show: allowed scripts first (catalog order), then the restricted ones. */
function expected(allowed: string[], allowedReason: string, restrictedReason: string) {
  const restricted = ALL_SCRIPTS.filter((k) => !allowed.includes(k));
  return [
    ...ALL_SCRIPTS.filter((k) => allowed.includes(k)).map((k) => ({ name: NAMES[k]!, reason: allowedReason })),
    ...restricted.map((k) => ({ name: NAMES[k]!, reason: restrictedReason })),
  ];
}

const GLOBAL_ALLOWS = 'Available to everyone through the Global rule.';
const GLOBAL_RESTRICTS = 'Restricted for everyone by the Global rule.';

test('rules off: every space admin has every script, a non-admin sees why they have none', async () => {
  await replaceTable(host, false, [global(ALL_SCRIPTS)]);
  const sam = await shown('u-sam', 'MKT');
  expect(sam.items).toEqual(
    expected(ALL_SCRIPTS, 'Available: built-in script rules are off, so all space admins can use it.', ''),
  );
  const nina = await shown('u-nina', 'MKT');
  expect(nina.items).toEqual([]);
  expect(nina.summary).toContain('You are not an admin of this space, so no built-in scripts are available.');
});

test('scenario 1: a space admin in no group has all but Copy Space through the Global rule', async () => {
  await replaceTable(host, true, [global(ALL_BUT_COPY_SPACE)]);
  const sam = await shown('u-sam', 'PG');
  expect(sam.summary).toContain('You can run 6 of 7 built-in scripts in PG');
  expect(sam.items).toEqual(expected(ALL_BUT_COPY_SPACE, GLOBAL_ALLOWS, GLOBAL_RESTRICTS));
});

test('scenario 3: Bob is restricted by the rule set for his account', async () => {
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] },
  ]);
  const bob = await shown('u-bob', 'MKT');
  expect(bob.summary).toContain('You can run 0 of 7');
  expect(bob.items).toEqual(expected([], '', 'Restricted for you by a rule set for your account.'));
});

test('scenario 4: Jane has everything in Marketing through her own rule; Bob nothing there, by the space rule', async () => {
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: [] },
    { type: 'user', id: 'u-jane', name: 'Jane Doe', allowed: ALL_SCRIPTS },
  ]);
  expect((await shown('u-jane', 'MKT')).items).toEqual(
    expected(ALL_SCRIPTS, 'Available to you through a rule set for your account.', ''),
  );
  const bob = await shown('u-bob', 'MKT');
  expect(bob.summary).toContain('in Marketing (MKT)');
  expect(bob.items).toEqual(expected([], '', 'Restricted in this space by the space rule.'));
});

test('scenario 5: a power-users member has everything, in HR too; others only Copy Space, nothing in HR', async () => {
  await replaceTable(host, true, [
    global(['copy-space']),
    { type: 'space', id: '1002', key: 'HR', name: 'Human Resources', allowed: [] },
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  expect((await shown('u-priya', 'HR')).items).toEqual(
    expected(ALL_SCRIPTS, 'Available to you through the group power-users.', ''),
  );
  expect((await shown('u-sam', 'MKT')).items).toEqual(expected(['copy-space'], GLOBAL_ALLOWS, GLOBAL_RESTRICTS));
  expect((await shown('u-sam', 'HR')).items).toEqual(expected([], '', 'Restricted in this space by the space rule.'));
});

test('scenario 6: a probation member has none, even in Proving Ground; Proving Ground gives others everything', async () => {
  await replaceTable(host, true, [
    global(['copy-space']),
    { type: 'space', id: '1003', key: 'PG', name: 'Proving Ground', allowed: ALL_SCRIPTS },
    { type: 'group', id: 'g-probation', name: 'probation', allowed: [] },
  ]);
  expect((await shown('u-pat', 'PG')).items).toEqual(expected([], '', 'Restricted for your group probation.'));
  expect((await shown('u-bob', 'PG')).items).toEqual(
    expected(ALL_SCRIPTS, 'Available in this space through the space rule.', ''),
  );
  expect((await shown('u-nina', 'PG')).summary).toContain('You are not an admin of this space');
});

test('scenario 2: only power-users members have scripts', async () => {
  await replaceTable(host, true, [
    global([]),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  expect((await shown('u-priya', 'PG')).items).toEqual(
    expected(ALL_SCRIPTS, 'Available to you through the group power-users.', ''),
  );
  expect((await shown('u-jane', 'PG')).items).toEqual(expected([], '', GLOBAL_RESTRICTS));
});

test('the page has no serious or critical accessibility violations, in light and dark', async () => {
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] },
  ]);
  for (const theme of ['light', 'dark'] as const) {
    const frame = await open('u-priya', 'MKT', theme);
    await frame.waitForSelector('li');
    const results = await new AxeBuilder({ page }).include('iframe').analyze();
    // axe reaches into the app's frame: some checked nodes are addressed as [iframe, element inside it].
    const insideFrame = results.passes.flatMap((rule) => rule.nodes).filter((node) => node.target.length > 1);
    expect(insideFrame.length).toBeGreaterThan(10);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await keepScreenshot(page, `space-settings-${theme}`);
  }
});

test('renders the scripts with one resolver call (then the runs with one more), shows loading while waiting, and an error with Retry when the call fails', async () => {
  await replaceTable(host, true, [global(ALL_BUT_COPY_SPACE)]);
  const invokes: string[] = [];
  const listener = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/__local/invoke')) invokes.push(request.postData() ?? '');
  };
  page.on('request', listener);
  const listed = await open('u-sam', 'MKT');
  // The space admin's page also lists this space's runs, once the scripts are shown.
  await listed.getByRole('heading', { name: 'Recent runs' }).waitFor();
  await listed.getByText('No runs yet').waitFor();
  expect(invokes.map((body) => (JSON.parse(body) as { functionKey: string }).functionKey)).toEqual([
    'getMyScripts',
    'listScriptRuns',
  ]);
  expect(JSON.parse(invokes[0]!)).toMatchObject({
    functionKey: 'getMyScripts',
    payload: {},
    context: { accountId: 'u-sam', spaceKey: 'MKT' },
  });
  page.off('request', listener);

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__local/invoke', async (route) => {
    await held;
    await route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: '{"error":{"message":"Resolver threw: storage offline"}}',
    });
  });
  await page.goto(`${host.url}/spaces/MKT/settings/built-in-scripts?as=u-sam`);
  const frame = await appFrame(page);
  await frame
    .getByRole('img', { name: /loading/i })
    .or(frame.getByText(/loading/i))
    .first()
    .waitFor();
  release();
  await frame.getByRole('button', { name: 'Retry' }).waitFor();
  await page.unroute('**/__local/invoke');
  await frame.getByRole('button', { name: 'Retry' }).click();
  await frame.getByText('You can run 6 of 7').waitFor();
});
