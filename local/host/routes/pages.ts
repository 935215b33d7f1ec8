/**
 * The host's own pages: the start page, and each app page framed like
 * Confluence (admin page, a space's settings page) with the "Acting as",
 * space and theme switchers.
 */
import { answer, html, type HostAnswer } from '../answer';
import { framePage, indexPage } from '../host-pages';
import type { HostServices } from '../host-services';
import type { PageModule } from '../manifest';
import type { HostRoute } from '../router';

function adminPage(host: HostServices, url: URL, key: string): HostAnswer | undefined {
  const page = host.manifest.pages.find((p) => p.key === key && p.moduleType === 'confluence:globalSettings');
  return page ? framed(host, url, page) : undefined;
}

function spacePage(host: HostServices, url: URL, spaceKey: string, route?: string): HostAnswer | undefined {
  const page = host.manifest.pages.find(
    (p) => p.moduleType === 'confluence:spaceSettings' && (!route || p.route === route || p.key === route),
  );
  if (!page) return undefined;
  const chosen = url.searchParams.get('space');
  if (chosen && chosen !== spaceKey) {
    const query = new URLSearchParams({ as: url.searchParams.get('as') ?? '', theme: themeOf(url) });
    return answer(302, '', {
      location: `/spaces/${encodeURIComponent(chosen)}/settings/${page.route ?? page.key}?${query}`,
    });
  }
  return framed(host, url, page, spaceKey);
}

const themeOf = (url: URL): 'light' | 'dark' => (url.searchParams.get('theme') === 'dark' ? 'dark' : 'light');

function framed(host: HostServices, url: URL, page: PageModule, spaceKey?: string): HostAnswer {
  const accountId = url.searchParams.get('as') || host.defaultPersona(page);
  return html(framePage(host.hostPageData(), page, { accountId, spaceKey, theme: themeOf(url) }));
}

export const pageRoutes = (host: HostServices): HostRoute[] => [
  { method: 'GET', path: /^\/(?:index\.html)?$/, handle: () => html(indexPage(host.hostPageData())) },
  {
    method: 'GET',
    path: /^\/admin\/([^/]+)$/,
    handle: ({ url, match }) => adminPage(host, url, match[1] ?? ''),
  },
  {
    method: 'GET',
    path: /^\/spaces\/([^/]+)\/settings(?:\/([^/]+))?$/,
    handle: ({ url, match }) => spacePage(host, url, decodeURIComponent(match[1] ?? ''), match[2]),
  },
];
