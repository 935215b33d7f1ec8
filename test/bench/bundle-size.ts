/**
 * The gzip size of what each built Custom UI page actually loads: its
 * `index.html` opened in Chromium through the local host, every script and
 * stylesheet the page requests from its own resource folder counted once.
 * Chunks in `dist/assets` the page never requests (the token theme chunks,
 * which the host supplies instead) are not counted; the host's own theme CSS
 * and bridge script are not part of the bundle and are not counted either.
 *
 * Needs `npm run build:ui` first, and Chromium (CHROMIUM_PATH).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import { createLocalHost } from '../../local/host/create-host';
import { launchBrowser } from '../support/browser';
import { Figures, unmeasured } from './module';

export interface BundleSize {
  page: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Each page, opened as someone who sees its full view (a Confluence admin; a space admin in a space). */
const PAGES: { page: string; query: string; rendered: string }[] = [
  { page: 'admin-page', query: 'accountId=u-ada&theme=light', rendered: 'tr[data-rule-type="global"]' },
  { page: 'space-settings', query: 'accountId=u-bob&spaceKey=MKT&theme=light', rendered: 'main h2' },
];

export async function bundleSizes(): Promise<BundleSize[]> {
  const projectRoot = join(__dirname, '..', '..');
  for (const { page } of PAGES) {
    if (!existsSync(join(projectRoot, 'static', page, 'dist', 'index.html'))) {
      throw new Error(`static/${page}/dist/index.html is missing: run npm run build:ui first`);
    }
  }
  const host = await createLocalHost({ inMemory: true, port: 0, projectRoot });
  const browser = await launchBrowser();
  try {
    const sizes: BundleSize[] = [];
    for (const { page, query, rendered } of PAGES) {
      sizes.push(await measurePage(host.url, page, query, rendered, browser));
    }
    return sizes;
  } finally {
    await browser.close();
    await host.close();
  }
}

async function measurePage(
  hostUrl: string,
  page: string,
  query: string,
  rendered: string,
  browser: Awaited<ReturnType<typeof launchBrowser>>,
): Promise<BundleSize> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const folder = `/__local/frame/${page}/`;
  const loads: Promise<{ kind: 'js' | 'css'; url: string; gzipBytes: number } | undefined>[] = [];
  tab.on('response', (response) => loads.push(measureResponse(response, folder)));
  await tab.goto(`${hostUrl}${folder}index.html?${query}`, { waitUntil: 'networkidle' });
  await tab.locator(rendered).first().waitFor({ timeout: 15_000 });
  await tab.waitForLoadState('networkidle');
  const counted = new Map<string, { kind: 'js' | 'css'; gzipBytes: number }>();
  for (const load of await Promise.all(loads)) {
    if (load) counted.set(load.url, load);
  }
  await context.close();
  let jsGzipBytes = 0;
  let cssGzipBytes = 0;
  for (const { kind, gzipBytes } of counted.values()) {
    if (kind === 'js') jsGzipBytes += gzipBytes;
    else cssGzipBytes += gzipBytes;
  }
  return { page, jsGzipBytes, cssGzipBytes };
}

async function measureResponse(
  response: Response,
  folder: string,
): Promise<{ kind: 'js' | 'css'; url: string; gzipBytes: number } | undefined> {
  const url = new URL(response.url());
  if (!url.pathname.startsWith(folder) || response.status() !== 200) return undefined;
  const type = response.request().resourceType();
  const kind =
    type === 'script' || url.pathname.endsWith('.js')
      ? 'js'
      : type === 'stylesheet' || url.pathname.endsWith('.css')
        ? 'css'
        : undefined;
  if (!kind) return undefined;
  const body = await response.body();
  return { kind, url: url.pathname, gzipBytes: gzipSync(body, { level: 9 }).length };
}

const KIB = 1024;

/**
 * The bundle figures. Unmeasurable (not built, no Chromium) gives nulls with
 * the reason, so the rest of the bench still reports.
 */
export async function bundleFigures(): Promise<Figures> {
  const labels = {
    adminPageJsGzipKiB: 'admin page JS, gzip',
    adminPageCssGzipKiB: 'admin page CSS, gzip',
    spaceSettingsJsGzipKiB: 'space settings JS, gzip',
    spaceSettingsCssGzipKiB: 'space settings CSS, gzip',
  };
  let sizes: BundleSize[];
  try {
    sizes = await bundleSizes();
  } catch (error) {
    const note = `unavailable: ${(error as Error).message}`;
    return Object.fromEntries(Object.entries(labels).map(([key, label]) => [key, unmeasured(label, note)]));
  }
  const size = (page: string, kind: 'jsGzipBytes' | 'cssGzipBytes') => {
    const found = sizes.find((s) => s.page === page);
    return found ? Math.round((found[kind] / KIB) * 10) / 10 : null;
  };
  const kib = (label: string, value: number | null) => ({ label, value, digits: 1, unit: 'KiB' });
  return {
    adminPageJsGzipKiB: kib(labels.adminPageJsGzipKiB, size('admin-page', 'jsGzipBytes')),
    adminPageCssGzipKiB: kib(labels.adminPageCssGzipKiB, size('admin-page', 'cssGzipBytes')),
    spaceSettingsJsGzipKiB: kib(labels.spaceSettingsJsGzipKiB, size('space-settings', 'jsGzipBytes')),
    spaceSettingsCssGzipKiB: kib(labels.spaceSettingsCssGzipKiB, size('space-settings', 'cssGzipBytes')),
  };
}
