import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from 'playwright-core';
import type { LocalHost } from '../../local/host/create-host';
import { appFrame, keepScreenshot } from './browser';
import { basicAuth } from './local-host';

/**
 * Driving the space settings page's script views in browser tests, and
 * reading Confluence's state afterwards through the emulated REST API
 * (Basic auth with a fixture user's email and API token, as on a real site).
 */

/** Opens the space settings page acting as `accountId`, once its script list has rendered. */
export async function openSpacePage(
  page: Page,
  host: LocalHost,
  accountId: string,
  spaceKey: string,
  theme: 'light' | 'dark' = 'light',
): Promise<Frame> {
  await page.goto(`${host.url}/spaces/${spaceKey}/settings/built-in-scripts?as=${accountId}&theme=${theme}`);
  const frame = await appFrame(page);
  await frame.waitForSelector('li[data-script-key], [role="alert"]');
  return frame;
}

/** Opens an allowed script's form from the list. */
export async function openScript(frame: Frame, scriptName: string): Promise<void> {
  await frame.getByRole('button', { name: `Open ${scriptName}`, exact: true }).click();
  await frame.getByRole('button', { name: 'Preview', exact: true }).waitFor();
}

/** Picks an option of an ADS (react-select) field by keyboard, as a keyboard user would. */
export async function chooseOption(frame: Frame, page: Page, label: string, option: string | RegExp): Promise<void> {
  await frame.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await frame.getByRole('option', { name: option }).first().click();
}

/** "A page and all pages below it", then the page picked by typing part of its title. */
export async function targetTree(frame: Frame, page: Page, typed: string, title: string): Promise<void> {
  await chooseOption(frame, page, 'Pages', 'A page and all pages below it');
  await frame.getByLabel('Top page', { exact: true }).fill(typed);
  await frame
    .getByRole('option', { name: new RegExp(`^${escapeRegExp(title)}( \\(in |$)`) })
    .first()
    .click();
}

export interface ShownPreview {
  count: string;
  summary: string;
  permanent: boolean;
  items: { id: string; cells: string[] }[];
}

/** Clicks Preview and reads what it shows. */
export async function preview(frame: Frame): Promise<ShownPreview> {
  await frame.getByRole('button', { name: 'Preview', exact: true }).click();
  const shown = await frame.waitForSelector('[data-testid="script-preview"], [role="alert"]');
  if ((await shown.getAttribute('role')) === 'alert') throw new Error(`Preview failed: ${await shown.innerText()}`);
  return shown.evaluate((el) => {
    const paragraphs = [...el.querySelectorAll(':scope > p')].map((p) => p.textContent ?? '');
    return {
      count: paragraphs[0] ?? '',
      summary: paragraphs[1] ?? '',
      permanent: (el.textContent ?? '').includes('This cannot be undone'),
      items: [...el.querySelectorAll('tr[data-preview-item]')].map((tr) => ({
        id: tr.getAttribute('data-preview-item') ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    };
  });
}

/** Clicks Run, confirming in the dialog when the run is permanent; resolves once the run view shows. */
export async function run(frame: Frame, options: { confirm?: boolean } = {}): Promise<void> {
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  if (options.confirm) {
    await frame.getByRole('dialog').getByRole('button', { name: 'Run and delete permanently' }).click();
  }
  await frame.waitForSelector('[data-testid="run-details"]');
}

/** Waits until the followed run has ended, and answers its summary line. */
export async function finished(frame: Frame): Promise<string> {
  const outcome = frame
    .locator('[data-testid="run-outcome"]')
    .filter({ hasText: /^(Finished|Failed|Cancelled|Stopped)/ });
  await outcome.waitFor();
  return outcome.innerText();
}

/** Serious and critical axe violations of the app's frame, as "id: help" lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('iframe').analyze();
  const insideFrame = results.passes.flatMap((rule) => rule.nodes).filter((node) => node.target.length > 1);
  if (insideFrame.length < 10) throw new Error('axe did not reach into the app frame');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html} ${n.failureSummary ?? ''}`).join('; ')})`,
    );
}

/** Axe in light and dark for the view `show` brings up, with a screenshot of each. */
export async function checkViewInBothThemes(
  page: Page,
  name: string,
  show: (theme: 'light' | 'dark') => Promise<void>,
): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await show(theme);
    found.push(...(await seriousViolations(page)).map((v) => `${theme}: ${v}`));
    await keepScreenshot(page, `${name}-${theme}`);
  }
  return found;
}

/** The demo fixture's people, with the credentials the emulated REST API takes. */
export const PEOPLE = {
  bob: { accountId: 'u-bob', email: 'bob@example.com', apiToken: 'local-bob' },
  ada: { accountId: 'u-ada', email: 'ada@example.com', apiToken: 'local-ada' },
} as const;

/** GET on the emulated site as a fixture user; answers the status and the JSON body. */
export async function restGet<T = any>( // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read REST bodies loosely
  host: LocalHost,
  path: string,
  person: { email: string; apiToken: string } = PEOPLE.ada,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${host.url}${path}`, {
    headers: { authorization: basicAuth(person.email, person.apiToken), accept: 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
