/** The host's own endpoints for tests and tools: stats, a page's context, reset. */
import { hostError, json, type HostAnswer } from '../answer';
import type { HostServices } from '../host-services';
import { LocalHostError, pageContext } from '../resolver-invoker';
import type { HostRoute } from '../router';

function contextOf(host: HostServices, url: URL): HostAnswer {
  const page = host.manifest.pages.find((p) => p.key === url.searchParams.get('module'));
  if (!page) return hostError(404, 'Unknown module');
  try {
    return json(
      200,
      pageContext(host.app, page, host.site, {
        accountId: url.searchParams.get('accountId') ?? undefined,
        spaceKey: url.searchParams.get('spaceKey') ?? undefined,
      }),
    );
  } catch (error) {
    return hostError(error instanceof LocalHostError ? error.status : 500, (error as Error).message);
  }
}

export const localApiRoutes = (host: HostServices): HostRoute[] => [
  { path: /^\/__local\/stats$/, handle: () => json(200, { invocations: host.records.slice(-100).reverse() }) },
  { path: /^\/__local\/context$/, handle: ({ url }) => contextOf(host, url) },
  {
    method: 'POST',
    path: /^\/__local\/reset$/,
    handle: () => {
      host.kvs.reset();
      host.records.length = 0;
      return json(200, { reset: true });
    },
  },
];
