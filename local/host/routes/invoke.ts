/** POST /__local/invoke: runs a resolver exactly as the page's `invoke()` would (README "The local Forge host"). */
import { InvocationTimeoutError } from '../../platform';
import { hostError, json, type HostAnswer } from '../answer';
import type { HostServices } from '../host-services';
import { platformCallsHeader } from '../host-services';
import { LocalHostError, type InvokeRequest } from '../resolver-invoker';
import { BodyTooLargeError, type HostRoute } from '../router';

async function invoke(host: HostServices, raw: () => Promise<string>): Promise<HostAnswer> {
  let request: InvokeRequest;
  try {
    request = JSON.parse(await raw()) as InvokeRequest;
  } catch (error) {
    if (error instanceof BodyTooLargeError) return hostError(413, error.message);
    return hostError(400, 'Request body must be JSON: {module, functionKey, payload, context}');
  }
  if (!request || typeof request !== 'object') return hostError(400, 'Request body must be a JSON object');
  try {
    const { value, record } = await host.invoke(request);
    return json(200, value, {
      'x-forge-platform-calls': platformCallsHeader(record.calls),
      'x-forge-invocation-id': record.id,
    });
  } catch (error) {
    if (error instanceof LocalHostError) return hostError(error.status, error.message);
    if (error instanceof InvocationTimeoutError) return hostError(504, error.message);
    // A resolver that throws makes invoke() reject on Forge; the page's bridge rejects here too.
    return hostError(500, `Resolver threw: ${(error as Error).message}`);
  }
}

export const invokeRoutes = (host: HostServices): HostRoute[] => [
  { method: 'POST', path: /^\/__local\/invoke$/, handle: ({ body }) => invoke(host, body) },
];
