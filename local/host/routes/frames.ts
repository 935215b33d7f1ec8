/**
 * The Custom UI frames: each page's resource folder, served under a
 * Forge-like Content-Security-Policy with the bridge injected before the
 * bundle; the bridge script and the theme's token CSS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { answer, text, type HostAnswer } from '../answer';
import { BRIDGE_SCRIPT } from '../bridge-script';
import type { HostServices } from '../host-services';
import { contentTypeOf } from '../http-util';
import type { HostRoute } from '../router';
import { themeCss } from '../theme-css';

/** Content-Security-Policy like the one Forge serves Custom UI with. */
export function customUiCsp(inlineStylesAllowed: boolean): string {
  const styles = inlineStylesAllowed ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function frameFile(host: HostServices, url: URL): HostAnswer {
  const [, , , moduleKey, ...fileParts] = url.pathname.split('/');
  const page = host.manifest.pages.find((p) => p.key === decodeURIComponent(moduleKey ?? ''));
  if (!page) return text(404, 'Unknown module');
  const root = resolve(host.projectRoot, host.manifest.resources[page.resourceKey] ?? '');
  const relative =
    fileParts.length === 0 || fileParts.join('/') === '' ? 'index.html' : decodeURIComponent(fileParts.join('/'));
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep) || !existsSync(file)) {
    const hint = relative === 'index.html' ? ' (run `npm run build:ui`)' : '';
    return text(404, `Not found: ${relative}${hint}`);
  }
  const csp = { 'content-security-policy': customUiCsp(host.manifest.contentStyles.includes('unsafe-inline')) };
  if (relative === 'index.html') {
    const html = readFileSync(file, 'utf8').replace(
      /<head([^>]*)>/i,
      '<head$1><script src="/__local/bridge.js"></script>',
    );
    return answer(200, html, { 'content-type': 'text/html; charset=utf-8', ...csp });
  }
  return answer(200, readFileSync(file), { 'content-type': contentTypeOf(file), ...csp });
}

export const frameRoutes = (host: HostServices): HostRoute[] => [
  {
    path: /^\/__local\/bridge\.js$/,
    handle: () => answer(200, BRIDGE_SCRIPT, { 'content-type': 'text/javascript; charset=utf-8' }),
  },
  {
    path: /^\/__local\/theme\.css$/,
    handle: () => answer(200, themeCss(), { 'content-type': 'text/css; charset=utf-8' }),
  },
  { path: /^\/__local\/frame\//, handle: ({ url }) => frameFile(host, url) },
];
