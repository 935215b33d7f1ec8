/**
 * axe-core over every view of the admin page, in the light and the dark
 * theme: no serious or critical violations. Each view is also kept as a
 * screenshot in test-artifacts/ (never compared, only kept for people).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { keepScreenshot, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';

let host: LocalHost;
let browser: Browser;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeAll(async () => {
  dataOf(
    await invoke<Envelope<unknown>>(
      host,
      'admin-page',
      'saveConfig',
      {
        expectedVersion: 0,
        enabled: true,
        upsert: [
          { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: [] },
          { type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space', 'bulk-labels'] },
          { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: ['delete-page-tree'] },
        ],
      },
      { accountId: 'u-ada' },
    ),
  );
});

/** The serious and critical violations axe finds in the page as it is now, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe.each(['light', 'dark'] as const)('admin page in the %s theme', (theme) => {
  let page: Page;

  beforeAll(async () => {
    // @axe-core/playwright needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // The Custom UI frame on its own, as the host frames it: axe then sees only the app's document.
    await page.goto(`${host.url}/__local/frame/admin-page/index.html?accountId=u-ada&theme=${theme}`);
    await page.locator('tr[data-rule-type="global"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe(theme);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('rules tab, with an unsaved edit: no serious or critical violations', async () => {
    await page.getByRole('checkbox', { name: 'Copy Space for Bob Smith', exact: true }).check();
    await page.getByText('Unsaved: 1 row changed').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, `admin-page-rules-${theme}`);
  });

  it('Add rows dialog: no serious or critical violations', async () => {
    await page.getByRole('button', { name: 'Add rows' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add rows' });
    await dialog.getByRole('combobox', { name: 'Groups' }).fill('p');
    await page.getByRole('option', { name: /probation/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, `admin-page-add-rows-${theme}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('check access tab, with a result: no serious or critical violations', async () => {
    await page.getByRole('tab', { name: 'Check access' }).click();
    await page.getByRole('combobox', { name: 'Person' }).fill('Priya');
    await page.getByRole('option', { name: 'Priya Patel' }).click();
    await page.getByRole('combobox', { name: 'Space', exact: true }).fill('Mark');
    await page.getByRole('option', { name: 'Marketing (MKT)' }).click();
    await page.getByRole('button', { name: 'Check access' }).click();
    await page.getByRole('table', { name: 'Access of Priya Patel in Marketing (MKT)' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, `admin-page-check-access-${theme}`);
  });

  it('audit log tab, with an entry opened: no serious or critical violations', async () => {
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Show 4 changes' }).click();
    await page.getByText('Turned rules on', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, `admin-page-audit-log-${theme}`);
  });

  it('export and import tab, with a preview: no serious or critical violations', async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('tab', { name: 'Export and import' }).click();
    const v0 = {
      restrictedUsers: [{ accountId: 'u-pat' }],
      restrictedGroups: [],
      restrictedSpaces: [],
      disableInAllSpaces: false,
    };
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'v0.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v0)) });
    await page.getByRole('heading', { name: 'Preview of v0.json' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await keepScreenshot(page, `admin-page-export-import-${theme}`);
  });
});
