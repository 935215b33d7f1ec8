/** /wiki/...: the emulated Confluence REST API, with Basic auth as on a real site. */
import { ConnectionDropped } from '../../confluence';
import { answer, json, type HostAnswer } from '../answer';
import type { HostServices } from '../host-services';
import type { HostRequest, HostRoute } from '../router';

/** What Confluence Cloud answers a Basic credential it does not accept. */
const UNAUTHORIZED_BODY = {
  statusCode: 401,
  message:
    'Basic authentication with passwords is deprecated. For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
  data: { authorized: false, valid: true, errors: [], successful: false },
};

async function callConfluence(host: HostServices, { req, method, url, body }: HostRequest): Promise<HostAnswer> {
  const caller = host.confluence.authenticate(req.headers.authorization);
  if (!caller) return json(401, UNAUTHORIZED_BODY, { 'www-authenticate': 'Basic realm="Confluence"' });
  const raw = await body();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  try {
    const out = await host.confluence.handle(
      { method, path: url.pathname + url.search, headers, body: raw || undefined },
      caller,
    );
    return answer(out.status, out.body, out.headers);
  } catch (error) {
    // An injected fault: the connection closes with no answer, as a dropped one does.
    if (error instanceof ConnectionDropped) return { dropConnection: true };
    throw error;
  }
}

export const confluenceRoutes = (host: HostServices): HostRoute[] => [
  { path: /^\/wiki\//, handle: (request) => callConfluence(host, request) },
];
