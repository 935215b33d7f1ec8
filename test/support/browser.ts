import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Frame, Page } from 'playwright-core';
import type { LocalHost, LocalHostOptions } from '../../local/host/create-host';
import { startHost } from './local-host';

/** Debian's Chromium (installed by .ci/run), driven by playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The Custom UI frame inside a host page, once its bundle has rendered something. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The host page has no app frame');
  await frame.waitForSelector('body *');
  return frame;
}

/** Screenshots are kept as test artifacts (git-ignored), never asserted on. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * A local host and a Chromium for one test file: started before its first
 * test (handed to `receive`), closed after its last.
 */
export function withHostAndBrowser(
  receive: (started: { host: LocalHost; browser: Browser }) => void,
  options?: LocalHostOptions,
): void {
  let started: { host: LocalHost; browser: Browser } | undefined;
  beforeAll(async () => {
    const host = await startHost(options);
    try {
      started = { host, browser: await launchBrowser() };
    } catch (error) {
      await host.close();
      throw error;
    }
    receive(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.host.close();
  });
}
