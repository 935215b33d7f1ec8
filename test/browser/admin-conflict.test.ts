/**
 * Two admins edit the rule table at once, each in their own browser context.
 * The second save is refused with a conflict that says who saved first and
 * when; reloading keeps the second admin's edits on top of the first's, and
 * saving again loses nothing of either.
 */
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, withHostAndBrowser } from '../support/browser';
import { getConfig } from '../support/rules';

let host: LocalHost;
let browser: Browser;
let first: BrowserContext;
let second: BrowserContext;

withHostAndBrowser((started) => ({ host, browser } = started));
beforeAll(async () => {
  first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  first.setDefaultTimeout(10_000);
  second.setDefaultTimeout(10_000);
});

async function openAdminPage(context: BrowserContext): Promise<Frame> {
  const page = await context.newPage();
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.locator('tr[data-rule-type="global"]').waitFor();
  return frame;
}

const checkbox = (frame: Frame, name: string) => frame.getByRole('checkbox', { name, exact: true });

describe('two admins editing at once', () => {
  it('refuses the second save with who and when, then keeps both admins’ edits after a reload', async () => {
    const ada = await openAdminPage(first);
    const other = await openAdminPage(second);

    // The first admin restricts Copy Space for everyone and saves.
    await checkbox(ada, 'Copy Space for Global').uncheck();
    await ada.getByRole('button', { name: 'Save changes' }).click();
    await ada.getByText('Changes saved').waitFor();

    // The second admin, still on the version they opened, restricts Bulk Purge Trash and adds a group row.
    await checkbox(other, 'Bulk Purge Trash for Global').uncheck();
    await other.getByRole('button', { name: 'Add rows' }).click();
    const dialog = other.getByRole('dialog', { name: 'Add rows' });
    await dialog.getByRole('combobox', { name: 'Groups' }).fill('power');
    await other.getByRole('option', { name: 'power-users' }).click();
    await dialog.getByRole('button', { name: 'Add 1 row' }).click();
    await dialog.waitFor({ state: 'detached' });
    await checkbox(other, 'Delete Page Tree for power-users').check();
    await other.getByRole('button', { name: 'Save changes' }).click();

    const conflict = other.getByRole('heading', { name: 'Someone else saved the rules first' });
    await conflict.waitFor();
    await other.getByText(/^Ada Lovelace changed the rules on .+, after you started editing\.$/).waitFor();
    // Nothing of the second admin's was saved, and nothing on screen is lost.
    expect((await getConfig(host)).version).toBe(1);
    expect(await checkbox(other, 'Bulk Purge Trash for Global').isChecked()).toBe(false);
    expect(await checkbox(other, 'Delete Page Tree for power-users').isChecked()).toBe(true);
    // Their own view still shows the version they started from: Copy Space checked.
    expect(await checkbox(other, 'Copy Space for Global').isChecked()).toBe(true);

    await other.getByRole('button', { name: 'Reload and keep my edits' }).click();
    await other.getByRole('heading', { name: 'Reloaded version 1' }).waitFor();
    // The first admin's change is now shown, and the second admin's edits are still there, unsaved.
    expect(await checkbox(other, 'Copy Space for Global').isChecked()).toBe(false);
    expect(await checkbox(other, 'Bulk Purge Trash for Global').isChecked()).toBe(false);
    expect(await checkbox(other, 'Delete Page Tree for power-users').isChecked()).toBe(true);
    await other.getByText('Unsaved: 1 row added and 1 row changed').waitFor();

    await other.getByRole('button', { name: 'Save changes' }).click();
    await other.getByText('The rule table is now version 2.').waitFor();

    const saved = await getConfig(host);
    const global = saved.rows.find((row) => row.type === 'global');
    expect(global?.allowed).not.toContain('copy-space');
    expect(global?.allowed).not.toContain('bulk-purge-trash');
    expect(global?.allowed).toHaveLength(5);
    expect(saved.rows.find((row) => row.id === 'g-power')).toEqual({
      type: 'group',
      id: 'g-power',
      name: 'power-users',
      allowed: ['delete-page-tree'],
    });
  });
});
