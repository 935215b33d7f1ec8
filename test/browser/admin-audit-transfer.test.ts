/**
 * The admin page's audit log (newest first, paged) and its export and import
 * (a download of the saved table; a file previewed before it is applied).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';
import { getConfig, type ConfigData as Config } from '../support/rules';

let host: LocalHost;
let browser: Browser;
let page: Page;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeEach(async () => {
  await fetch(`${host.url}/__local/reset`, { method: 'POST' });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(10_000);
});
afterEach(async () => {
  await page?.close();
});

async function openTab(tab: string): Promise<Frame> {
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.getByRole('tab', { name: tab }).click();
  return frame;
}

async function saveAs(accountId: string, payload: Record<string, unknown>): Promise<Config> {
  return dataOf(await invoke<Envelope<Config>>(host, 'admin-page', 'saveConfig', payload, { accountId }));
}

const versionsShown = (frame: Frame) =>
  frame
    .locator('ol[aria-label^="Audit log"] > li')
    .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-version'))));

describe('audit log', () => {
  it('lists who changed what, newest first, twenty to a page', async () => {
    let version = 0;
    for (let i = 1; i <= 23; i += 1) {
      version = (await saveAs('u-ada', { expectedVersion: version, enabled: i % 2 === 1 })).version;
    }
    await saveAs('u-ada', {
      expectedVersion: version,
      upsert: [{ type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] }],
    });

    const frame = await openTab('Audit log');
    await frame.getByRole('list', { name: 'Audit log, page 1' }).waitFor();
    expect(await versionsShown(frame)).toEqual(Array.from({ length: 20 }, (_, i) => 24 - i));

    const newest = frame.locator('li[data-version="24"]');
    await newest.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await newest.getByText('Added 1 row').waitFor();
    await newest.getByRole('button', { name: 'Show 1 change' }).click();
    await newest.getByText('Added the group rule for power-users, allowing Copy Space').waitFor();
    await frame.locator('li[data-version="23"]').getByText('Turned rules on').waitFor();

    await frame.getByRole('button', { name: 'Older' }).click();
    await frame.getByRole('list', { name: 'Audit log, page 2' }).waitFor();
    expect(await versionsShown(frame)).toEqual([4, 3, 2, 1]);
    expect(await frame.getByRole('button', { name: 'Older' }).isDisabled()).toBe(true);

    await frame.getByRole('button', { name: 'Newer' }).click();
    await frame.getByRole('list', { name: 'Audit log, page 1' }).waitFor();
    expect((await versionsShown(frame))[0]).toBe(24);
  });

  it('says so when nothing has been saved yet', async () => {
    const frame = await openTab('Audit log');
    await frame.getByRole('heading', { name: 'No changes yet' }).waitFor();
  });
});

describe('export and import', () => {
  it('downloads the saved table as the export file', async () => {
    await saveAs('u-ada', {
      expectedVersion: 0,
      enabled: true,
      upsert: [{ type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: ['copy-space'] }],
    });
    const frame = await openTab('Export and import');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^built-in-script-permissions-v1-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'space-admin-script-permissions', schemaVersion: 1, enabled: true });
    expect(file.rows).toEqual((await getConfig(host)).rows);
    await frame.getByText(/^Downloaded built-in-script-permissions-v1-.*: version 1, 2 rows\.$/).waitFor();
  });

  it('imports its own export (the current format): the preview says nothing would change', async () => {
    await saveAs('u-ada', {
      expectedVersion: 0,
      upsert: [{ type: 'user', id: 'u-jane', name: 'Jane Doe', allowed: ['copy-space'] }],
    });
    const frame = await openTab('Export and import');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Export as JSON' }).click(),
    ]);
    await frame.locator('input[type="file"]').setInputFiles(await download.path());
    await frame.getByText(/^A rule table export \(schema version 1, exported /).waitFor();
    await frame.getByText('Nothing would change: the file matches the saved rules.').waitFor();
    expect(await frame.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    await frame.getByRole('button', { name: 'Close' }).click();
    await frame.getByText('No file chosen.').waitFor();
  });

  it('previews a version-0 file, changes nothing until applied, then applies it as an import', async () => {
    await saveAs('u-ada', {
      expectedVersion: 0,
      upsert: [{ type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] }],
    });
    const frame = await openTab('Export and import');
    const v0 = {
      restrictedUsers: [{ accountId: 'u-bob', displayName: 'Bob Smith' }],
      restrictedGroups: [],
      restrictedSpaces: [{ id: '1002', key: 'HR', name: 'Human Resources' }],
      disableInAllSpaces: false,
    };
    await frame.locator('input[type="file"]').setInputFiles({
      name: 'old-settings.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(v0)),
    });
    await frame.getByRole('heading', { name: 'Preview of old-settings.json' }).waitFor();
    await frame.getByText(/older deny-list format \(version 0\)/).waitFor();
    await frame
      .getByText(
        'Importing it would replace the saved rules (version 1): turn rules on, add 2 rows and remove 1 row. The table would then have 3 rows.',
      )
      .waitFor();
    for (const line of [
      'Turn rules on',
      'Add the space rule for Human Resources, allowing no scripts',
      'Add the user rule for Bob Smith, allowing no scripts',
      'Remove the group rule for power-users',
    ]) {
      await frame.getByText(line, { exact: true }).waitFor();
    }
    // A preview changes nothing.
    expect((await getConfig(host)).version).toBe(1);

    await frame.getByRole('button', { name: 'Apply import' }).click();
    await frame.getByRole('heading', { name: 'Imported old-settings.json' }).waitFor();
    await frame.getByText(/^4 changes applied; the rule table is now version 2\./).waitFor();
    const saved = await getConfig(host);
    expect(saved.enabled).toBe(true);
    expect(saved.rows.map((row) => [row.type, row.id, row.allowed])).toEqual([
      ['global', 'global', expect.arrayContaining(['copy-space'])],
      ['space', '1002', []],
      ['user', 'u-bob', []],
    ]);

    // The page shows the imported table, and the audit log records the import.
    await frame.getByRole('tab', { name: 'Rules' }).click();
    await frame.locator('tr[data-rule-type="user"][data-rule-id="u-bob"]').waitFor();
    await frame.getByRole('tab', { name: 'Audit log' }).click();
    await frame.locator('li[data-version="2"]').getByText('Import', { exact: true }).waitFor();
  });

  it('refuses a file that is not JSON, or that the app cannot read, and imports nothing', async () => {
    const frame = await openTab('Export and import');
    const input = frame.locator('input[type="file"]');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') });
    await frame.getByRole('heading', { name: "notes.txt can't be imported" }).waitFor();
    await frame.getByText(/^The file is not valid JSON/).waitFor();

    const bad = {
      format: 'space-admin-script-permissions',
      schemaVersion: 1,
      exportedAt: 'yesterday',
      enabled: true,
      scripts: [],
      rows: [],
    };
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await frame.getByRole('heading', { name: 'bad.json was not imported' }).waitFor();
    await frame.getByText(/exportedAt/).waitFor();
    expect((await getConfig(host)).version).toBe(0);
  });

  it('asks for unsaved edits to be saved or discarded before an import', async () => {
    await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
    const frame = await appFrame(page);
    await frame.getByRole('checkbox', { name: 'Copy Space for Global', exact: true }).uncheck();
    await frame.getByRole('tab', { name: 'Export and import' }).click();
    await frame.getByRole('heading', { name: 'Save or discard your edits first' }).waitFor();
    expect(await frame.getByRole('button', { name: 'Choose a JSON file…' }).count()).toBe(0);
  });
});
