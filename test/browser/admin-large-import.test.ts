/**
 * The admin page imports its own export of a table too large for one call:
 * the file goes up in parts, then is previewed and applied by its upload id.
 */
import type { Browser, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';
import { getConfig } from '../support/rules';

let host: LocalHost;
let browser: Browser;
let page: Page;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeEach(async () => {
  await fetch(`${host.url}/__local/reset`, { method: 'POST' });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(60_000);
});
afterEach(async () => {
  await page?.close();
});

it('exports a 20,000-row table and imports that file again, in parts', async () => {
  const scripts = ['bulk-delete-attachments', 'copy-space', 'delete-page-tree', 'copy-page-tree', 'bulk-labels'];
  let version = 0;
  for (let start = 0; start < 19_999; start += 10_000) {
    const upsert = Array.from({ length: Math.min(10_000, 19_999 - start) }, (_, j) => ({
      type: 'user',
      id: `u-${String(start + j).padStart(6, '0')}-`.padEnd(40, 'a'),
      name: `User ${start + j} `.padEnd(50, 'n'),
      allowed: scripts,
    }));
    const saved = await invoke<Envelope<{ version: number }>>(
      host,
      'admin-page',
      'saveConfig',
      { expectedVersion: version, enabled: true, upsert },
      { accountId: 'u-ada' },
    );
    version = dataOf(saved).version;
  }

  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.getByRole('tab', { name: 'Export and import' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Export as JSON' }).click(),
  ]);
  await frame.locator('input[type="file"]').setInputFiles(await download.path());
  await frame.getByText('Nothing would change: the file matches the saved rules.').waitFor();
  const parts = host.recentInvocations().filter((r) => r.functionKey === 'importConfig').length;
  // At least two parts and the preview: the export is larger than one call carries.
  expect(parts).toBeGreaterThanOrEqual(3);
  expect((await getConfig(host)).version).toBe(version);
}, 180_000);
