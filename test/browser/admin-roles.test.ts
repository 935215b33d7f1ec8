import type { Browser } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot, withHostAndBrowser } from '../support/browser';
import { startRelay } from '../integration/relay/run-relay';
import { fixture } from '../integration/roles/support';

let host: LocalHost;
let browser: Browser;
withHostAndBrowser((started) => ({ host, browser } = started), { directoryFile: fixture('demo-roles') });

const nina = { principalType: 'USER' as const, principalId: 'u-nina' };

it('on a ROLES site the form assigns a role by its site name, previews the change, and shows it applied', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.getByRole('tab', { name: 'Space permissions' }).click();
  await frame.getByText('This site uses space roles').waitFor();
  await frame.getByRole('heading', { name: 'Change roles' }).waitFor();
  // Individual permissions are not offered on a roles-only site.
  await expect(frame.getByRole('checkbox', { name: 'Export space' }).count()).resolves.toBe(0);

  await frame.getByRole('button', { name: 'Generate link secret' }).click();
  const secret = (await frame.getByTestId('relay-link-secret').textContent())!.trim();
  const url = (await frame.getByTestId('relay-trigger-url').textContent())!.trim();
  await frame.getByRole('button', { name: 'I have copied it' }).click();

  await frame.getByLabel('Spaces').fill('Market');
  await frame.getByRole('option', { name: /Marketing/ }).click();
  await frame.getByLabel('People').fill('Nina');
  await frame.getByRole('option', { name: /Nina Novak/ }).click();
  // Each role shows the permissions it grants.
  await frame.getByText('View space, Add pages, Add blog posts, Export space').waitFor();
  await frame.getByRole('radio', { name: /^Manager/ }).check();
  await frame.getByRole('button', { name: 'Preview changes' }).click();
  await frame.getByText('Preview: 1 to change, 0 already so').waitFor();
  await frame.getByRole('cell', { name: 'New: Manager' }).waitFor();
  await frame.getByRole('button', { name: 'Submit 1 change(s)' }).click();
  await frame.getByText('1 change(s) queued for the relay.').waitFor();
  const job = frame.getByTestId('permission-job').first();
  await job.getByText('Role: Manager').waitFor();
  await expect(job.locator('tr[data-state="queued"]').count()).resolves.toBe(1);

  const run = await startRelay(['--once'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'ada@example.com',
    CONFLUENCE_API_TOKEN: 'local-ada',
    RELAY_TRIGGER_URL: url,
    RELAY_LINK_SECRET: secret,
  }).done;
  expect(run.code).toBe(0);
  expect(host.confluence.site.roles.roleOf('1001', nina)).toBe('r-manager');

  await frame.getByRole('button', { name: 'Refresh' }).click();
  await job.locator('tr[data-state="applied"]').waitFor();

  // The same choice again: already so; another role: Manager -> Viewer.
  await frame.getByRole('radio', { name: /^Viewer/ }).check();
  await frame.getByRole('button', { name: 'Preview changes' }).click();
  await frame.getByRole('cell', { name: 'Manager → Viewer' }).waitFor();
  await keepScreenshot(page, 'admin-roles-preview');
  await page.close();
});
