/**
 * Editing the rule table in the admin page: adding rows (never twice, each
 * starting unchecked), removing them (never Global), the keyboard alone,
 * and the question before leaving with unsaved edits.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { dataOf, invoke, type Envelope } from '../support/local-host';
import { getConfig, type ConfigData as Config, type RowInput } from '../support/rules';

let host: LocalHost;
let browser: Browser;
let page: Page;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
});
afterEach(async () => {
  if (!page.isClosed()) await page.close();
});

async function openAdminPage(): Promise<Frame> {
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.locator('tr[data-rule-type="global"]').waitFor();
  return frame;
}

const MARKETING: RowInput = { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: [] };
const POWER_USERS: RowInput = { type: 'group', id: 'g-power', name: 'power-users', allowed: [] };
const BOB: RowInput = { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] };

/** Each test starts from its own saved table: empty storage, then these rows. */
async function seed(rows: Config['rows']): Promise<void> {
  await fetch(`${host.url}/__local/reset`, { method: 'POST' });
  if (rows.length > 0)
    dataOf(
      await invoke<Envelope<Config>>(
        host,
        'admin-page',
        'saveConfig',
        { expectedVersion: 0, upsert: rows },
        { accountId: 'u-ada' },
      ),
    );
}

async function save(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: 'Save changes' }).click();
  await frame.getByText('Changes saved').waitFor();
}

describe('editing the rule table', () => {
  it('adds a space, a group and a user, each unchecked, and does not add a subject already in the table', async () => {
    await seed([]);
    const frame = await openAdminPage();
    await frame.getByRole('button', { name: 'Add rows' }).click();
    const dialog = frame.getByRole('dialog', { name: 'Add rows' });
    await dialog.getByRole('combobox', { name: 'Spaces' }).fill('Mark');
    await frame.getByRole('option', { name: 'Marketing (MKT)' }).click();
    await dialog.getByRole('combobox', { name: 'Groups' }).fill('power');
    await frame.getByRole('option', { name: 'power-users' }).click();
    await dialog.getByRole('combobox', { name: 'Users' }).fill('Bob');
    await frame.getByRole('option', { name: 'Bob Smith' }).click();
    await dialog.getByRole('button', { name: 'Add 3 rows' }).click();
    await dialog.waitFor({ state: 'detached' });

    for (const [type, id] of [
      ['space', '1001'],
      ['group', 'g-power'],
      ['user', 'u-bob'],
    ]) {
      const row = frame.locator(`tbody[data-section="${type}"] tr[data-rule-type="${type}"][data-rule-id="${id}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-rule-status')).toBe('added');
      expect(await row.getByRole('checkbox').count()).toBe(7);
      for (const box of await row.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(false);
    }
    await frame.getByText('Unsaved: 3 rows added').waitFor();

    // The same group again: listed, marked as already in the table, and not selectable.
    await frame.getByRole('button', { name: 'Add rows' }).click();
    await dialog.getByRole('combobox', { name: 'Groups' }).fill('power');
    const existing = frame.getByRole('option', { name: /power-users/ });
    await existing.getByText('Already in the table').waitFor();
    expect(await existing.getAttribute('aria-disabled')).toBe('true');
    await existing.click({ force: true });
    await dialog.getByRole('button', { name: 'Add rows' }).click();
    await dialog.getByText('Choose at least one space, group or person to add.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await frame.locator('tr[data-rule-id="g-power"]').count()).toBe(1);

    await save(frame);
    const saved = await getConfig(host);
    expect(saved.rows.filter((row) => row.type !== 'global')).toEqual([
      { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: [] },
      { type: 'group', id: 'g-power', name: 'power-users', allowed: [] },
      { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] },
    ]);
  });

  it('removes rows but offers no way to remove Global; shows each subject’s id on hover', async () => {
    await seed([MARKETING, POWER_USERS, BOB]);
    const frame = await openAdminPage();
    const globalRow = frame.locator('tr[data-rule-type="global"]');
    expect(await globalRow.getByRole('button').count()).toBe(0);
    expect(await frame.getByRole('button', { name: /^Remove / }).count()).toBe(3);

    await frame.getByText('power-users', { exact: true }).hover();
    await frame.getByRole('tooltip').filter({ hasText: 'Group ID: g-power' }).waitFor();

    await frame.getByRole('button', { name: 'Remove power-users' }).click();
    await frame.locator('tr[data-rule-id="g-power"]').waitFor({ state: 'detached' });
    await frame.getByText('Unsaved: 1 row removed').waitFor();
    await save(frame);
    const saved = await getConfig(host);
    expect(saved.rows.map((row) => row.id)).toEqual(['global', '1001', 'u-bob']);
  });

  it('toggles a checkbox with the keyboard alone and saves with the keyboard', async () => {
    await seed([MARKETING, BOB]);
    const frame = await openAdminPage();
    const target = frame.getByRole('checkbox', { name: 'Copy Space for Marketing (MKT)', exact: true });
    expect(await target.isChecked()).toBe(false);

    // Tab into the table until the first checkbox of the Global row has focus.
    const focusedName = () =>
      frame.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      );
    await frame.locator('body').focus();
    for (
      let presses = 0;
      presses < 40 && (await focusedName()) !== 'Bulk Delete Attachments for Global';
      presses += 1
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedName()).toBe('Bulk Delete Attachments for Global');
    // Arrow keys move like a grid: down skips the Spaces heading, right moves across scripts.
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe('Copy Space for Marketing (MKT)');
    await page.keyboard.press('Space');
    expect(await target.isChecked()).toBe(true);
    await frame.getByText('Unsaved: 1 row changed').waitFor();

    // Back to the Save button with Shift+Tab, then Enter.
    for (let presses = 0; presses < 40 && (await focusedName()) !== 'Save changes'; presses += 1) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await frame.getByText('Changes saved').waitFor();
    expect((await getConfig(host)).rows.find((row) => row.id === '1001')?.allowed).toEqual(['copy-space']);
  });

  it('asks before the page is left with unsaved edits, and not once they are saved', async () => {
    await seed([BOB]);
    const frame = await openAdminPage();
    await frame.getByRole('checkbox', { name: 'Delete Page Tree for Bob Smith', exact: true }).check();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    const adminUrl = page.url();
    // The admin navigates Confluence away from the page; staying keeps the edits.
    await page.evaluate(() => {
      window.location.href = '/';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dialogs).toEqual(['beforeunload']);
    expect(page.url()).toBe(adminUrl);
    expect(await frame.getByRole('checkbox', { name: 'Delete Page Tree for Bob Smith', exact: true }).isChecked()).toBe(
      true,
    );

    await save(frame);
    await Promise.all([
      page.waitForURL(`${host.url}/`),
      page.evaluate(() => {
        window.location.href = '/';
      }),
    ]);
    expect(dialogs).toEqual(['beforeunload']);
  });
});
