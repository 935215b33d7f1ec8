/**
 * The admin page with a 10,000-row table: only the rows in view are in the
 * DOM, yet every row can be reached by scrolling or by the filter, edited
 * and saved. (How fast is measured by people and `npm run bench`, not here.)
 */
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';
import { getConfig, type ConfigData as Config } from '../support/rules';

interface Row {
  type: 'space' | 'group' | 'user';
  id: string;
  name: string;
  key?: string;
  allowed: string[];
}
const ROWS = 10_000;
const TYPES = ['space', 'group', 'user'] as const;

/** Subject i: a space, group or user in turn, named so that names sort like numbers. */
function subject(i: number): Row {
  const type = TYPES[i % 3]!;
  const number = String(i).padStart(5, '0');
  return {
    type,
    id: `${type}-${i}`,
    name: `${type} ${number}`,
    ...(type === 'space' ? { key: `S${i}` } : {}),
    allowed: i % 2 ? ['copy-space'] : [],
  };
}

let host: LocalHost;
let browser: Browser;
let page: Page;
let frame: Frame;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeAll(async () => {
  const rows = Array.from({ length: ROWS }, (_, i) => subject(i));
  dataOf(
    await invoke<Envelope<Config>>(
      host,
      'admin-page',
      'saveConfig',
      { expectedVersion: 0, enabled: true, upsert: rows },
      { accountId: 'u-ada' },
    ),
  );
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  frame = await appFrame(page);
  await frame.locator('tr[data-rule-type="global"]').waitFor();
});

const renderedRows = () => frame.locator('tr[data-rule-type]').count();

describe('a 10,000-row rule table', () => {
  it('loads every page of the table but renders only the rows in view', async () => {
    await frame.getByText(`${(ROWS + 1).toLocaleString('en')} rows`, { exact: true }).waitFor();
    const table = frame.getByRole('table', { name: 'Rule table' });
    // Header, four section headings and 10,001 rows, announced as the table's size.
    expect(await table.getAttribute('aria-rowcount')).toBe(String(1 + 4 + ROWS + 1));
    const rendered = await renderedRows();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
  });

  it('reaches the last row by scrolling, still rendering only a window', async () => {
    const region = frame.getByRole('region', { name: 'Rule table' });
    await region.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    // The last user by name is user 09998 (users are every third subject, from 2).
    await frame.locator('tr[data-rule-id="user-9998"]').waitFor();
    expect(await renderedRows()).toBeLessThan(60);
    expect(await frame.locator('tr[data-rule-type="global"]').count()).toBe(0);
  });

  it('filters by name to one row, edits it and saves only that row', async () => {
    await frame.getByRole('textbox', { name: 'Filter rows' }).fill('group 04999');
    await frame.getByText(`Showing 2 of ${(ROWS + 1).toLocaleString('en')} rows`).waitFor();
    await frame.locator('tr[data-rule-id="group-4999"]').waitFor();
    expect(await renderedRows()).toBe(2); // Global stays in view for reference.

    const box = frame.getByRole('checkbox', { name: 'Delete Page Tree for group 04999', exact: true });
    await box.check();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__local/invoke')) requests.push(request.postData() ?? '');
    });
    await frame.getByRole('button', { name: 'Save changes' }).click();
    await frame.getByText('The rule table is now version 2.').waitFor();

    const save = JSON.parse(requests.find((body) => body.includes('"saveConfig"')) ?? '{}') as {
      payload?: { upsert?: Row[] };
    };
    expect(save.payload?.upsert).toEqual([
      { type: 'group', id: 'group-4999', name: 'group 04999', allowed: ['copy-space', 'delete-page-tree'] },
    ]);
    const second = await getConfig(host);
    expect(second.totalRows).toBe(ROWS + 1);
  });
});
