import type { Browser } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot, withHostAndBrowser } from '../support/browser';
import { invoke } from '../support/local-host';

let host: LocalHost;
let browser: Browser;
withHostAndBrowser((started) => ({ host, browser } = started));

describe('admin page through the local host', () => {
  it('opens in Chromium and shows the rule table the getConfig resolver answered', async () => {
    await invoke(
      host,
      'admin-page',
      'saveConfig',
      {
        expectedVersion: 0,
        upsert: [{ type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] }],
      },
      { accountId: 'u-ada' },
    );

    const page = await browser.newPage();
    const invokes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__local/invoke')) invokes.push(request.postData() ?? '');
    });
    await page.goto(`${host.url}/admin/admin-page?as=u-ada`);
    const frame = await appFrame(page);
    await frame.getByText('power-users').waitFor();
    await frame.getByText('Copy Space').first().waitFor();
    // The page's invoke() went through the same POST /__local/invoke path, as the chosen persona.
    expect(
      invokes.some((body) => body.includes('"functionKey":"getConfig"') && body.includes('"accountId":"u-ada"')),
    ).toBe(true);
    await keepScreenshot(page, 'admin-page-smoke');
    await page.close();
  });

  it('tells a user who is not a Confluence admin that the page is not for them', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/admin/admin-page?as=u-bob`);
    const frame = await appFrame(page);
    await frame.getByText('Only Confluence admins can manage built-in script permissions.').waitFor();
    await page.close();
  });
});
