import type { Browser } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot, withHostAndBrowser } from '../support/browser';
import { startRelay } from '../integration/relay/run-relay';

let host: LocalHost;
let browser: Browser;
withHostAndBrowser((started) => ({ host, browser } = started));

const holds = (spaceKey: string, subjectId: string, key: string, target: string) =>
  host.confluence.site
    .permissions(host.confluence.site.spaceByKey(spaceKey)!.id)
    .some((p) => p.subject.id === subjectId && p.operation.key === key && p.operation.target === target);

it('the whole loop: link, submit in the admin page, the relay applies, the page shows applied', async () => {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
  const frame = await appFrame(page);
  await frame.getByRole('tab', { name: 'Space permissions' }).click();

  // Link: generate the secret (shown once) and read the URL.
  await frame.getByRole('button', { name: 'Generate link secret' }).click();
  const secret = (await frame.getByTestId('relay-link-secret').textContent())!.trim();
  const url = (await frame.getByTestId('relay-trigger-url').textContent())!.trim();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // The setup commands carry this URL, and the secret only while it is shown.
  const commands = frame.getByTestId('relay-commands');
  await expect(commands.textContent()).resolves.toContain(`RELAY_TRIGGER_URL=${url}`);
  await expect(commands.textContent()).resolves.toContain(`RELAY_LINK_SECRET=${secret}`);
  await keepScreenshot(page, 'relay-setup-commands');
  await frame.getByRole('button', { name: 'I have copied it' }).click();
  await expect(frame.getByTestId('relay-link-secret').count()).resolves.toBe(0);
  await expect(commands.textContent()).resolves.not.toContain(secret);

  // Choose: HR (Ada can see it), Nina and the power-users group, View space + Export space, grant.
  await frame.getByLabel('Spaces').fill('Human');
  await frame.getByRole('option', { name: /Human Resources/ }).click();
  await frame.getByLabel('People').fill('Nina');
  await frame.getByRole('option', { name: /Nina Novak/ }).click();
  await frame.getByLabel('View space').check();
  await frame.getByLabel('Export space').check();
  await frame.getByRole('button', { name: 'Preview changes' }).click();
  await frame.getByText('Preview: 2 to change, 0 already so').waitFor();
  await frame.getByRole('button', { name: 'Submit 2 change(s)' }).click();
  await frame.getByText('2 change(s) queued for the relay.').waitFor();
  const job = frame.getByTestId('permission-job').first();
  await expect(job.locator('tr[data-state="queued"]').count()).resolves.toBe(2);

  // The customer's relay, with the URL and secret the page showed.
  const run = await startRelay(['--once'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: 'local-sam',
    RELAY_TRIGGER_URL: url,
    RELAY_LINK_SECRET: secret,
  }).done;
  expect(run.code).toBe(0);
  expect(holds('HR', 'u-nina', 'read', 'space')).toBe(true);
  expect(holds('HR', 'u-nina', 'export', 'space')).toBe(true);

  await frame.getByRole('button', { name: 'Refresh' }).click();
  await job.locator('tr[data-state="applied"]').nth(1).waitFor();
  await frame.getByText(/Relay .* \(version 1\.0\.0\) last seen/).waitFor();
  await keepScreenshot(page, 'space-permissions-loop');
  await page.close();
});

it('a user who is not a Confluence admin sees no secret and no jobs', async () => {
  const page = await browser.newPage();
  await page.goto(`${host.url}/admin/admin-page?as=u-bob`);
  const frame = await appFrame(page);
  await frame.getByText('Only Confluence admins can manage built-in script permissions.').first().waitFor();
  await expect(frame.getByTestId('relay-link-secret').count()).resolves.toBe(0);
  await page.close();
});
