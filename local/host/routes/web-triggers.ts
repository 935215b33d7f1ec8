/** /x1/<id>[/path]: the URLs `webTrigger.getUrl()` hands out, invoking the web trigger's function. */
import { InvocationTimeoutError } from '../../platform';
import { answer, text, type HostAnswer } from '../answer';
import { platformCallsHeader, type HostServices } from '../host-services';
import { BodyTooLargeError, type HostRequest, type HostRoute } from '../router';
import { invokeWebTrigger } from '../web-trigger-invoker';

async function callWebTrigger(host: HostServices, { req, method, url, body }: HostRequest): Promise<HostAnswer> {
  const [, , id, ...rest] = url.pathname.split('/');
  const moduleKey = host.webTriggers.moduleKeyFor(id ?? '');
  if (!moduleKey) return text(404, 'Web trigger URL not found');
  let raw: string;
  try {
    raw = await body();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return text(413, 'Payload too large');
    throw error;
  }
  try {
    const out = await invokeWebTrigger(
      host.app,
      host.manifest,
      host.handlers(),
      moduleKey,
      {
        method,
        path: url.pathname,
        userPath: rest.length ? `/${rest.join('/')}` : '',
        query: url.searchParams,
        headers: req.headers,
        body: raw,
      },
      host.timeLimitsMs?.webtrigger,
    );
    // What the caller is told is on disk first: a host killed right after answering keeps it.
    await host.kvs.flush();
    host.remember(out.invocation, out.status >= 500 ? 'error' : 'ok');
    return answer(out.status, out.body, {
      ...out.headers,
      'x-forge-platform-calls': platformCallsHeader(out.invocation.calls.stats()),
    });
  } catch (error) {
    if (error instanceof InvocationTimeoutError) {
      host.remember(error.invocation, 'timeout');
      return text(504, 'Web trigger function timed out');
    }
    return text(500, 'Web trigger function failed');
  }
}

export const webTriggerRoutes = (host: HostServices): HostRoute[] => [
  { path: /^\/x1\//, handle: (request) => callWebTrigger(host, request) },
];
