import { AppIdentity } from './app-identity';
import { currentInvocation } from './invocation';
import { forgeRuntimeFor } from './runtime';
import type { PlatformCallKind } from './call-recorder';

/**
 * The seam the Forge SDKs call: `global.__forge_fetch__(descriptor, path, init)`.
 * @forge/kvs sends `{type: 'kvs'}`; @forge/api sends product calls as
 * `{type: 'fpp', provider: 'user'|'app'|'none', remote: 'confluence', accountId?}`
 * and web trigger URL management as `/graphql` to remote `stargate`.
 * We route each to the emulated service and count it for the invocation.
 */
export type Caller = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface EmulatedResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface KvsService {
  handle(path: string, bodyText: string): Promise<EmulatedResponse>;
}

export interface ProductService {
  handle(
    req: { method: string; path: string; headers: Record<string, string>; body?: string },
    caller: Caller,
  ): Promise<EmulatedResponse>;
  /** The scope sets that allow an endpoint: any one set, every scope in it; [] when unknown. */
  scopeAlternatives(method: string, path: string): string[][];
}

export interface GraphqlService {
  handle(bodyText: string): Promise<EmulatedResponse>;
}

/** Async events: @forge/events posts to `/webhook/queue/{publish|stats|cancel}/…` on remote `stargate`. */
export interface EventsService {
  handle(path: string, bodyText: string): Promise<EmulatedResponse>;
}

export interface PlatformServices {
  app: AppIdentity;
  kvs: KvsService;
  confluence: ProductService;
  graphql: GraphqlService;
  events?: EventsService;
}

const isEventsPath = (descriptor: ForgeFetchDescriptor, path: string): boolean =>
  descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path.startsWith('/webhook/queue/');

export interface ForgeFetchDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

interface FetchInit {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

function headersToRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }
  if (Array.isArray(headers)) {
    for (const [name, value] of headers as [string, string][]) out[String(name).toLowerCase()] = String(value);
    return out;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value !== undefined) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function bodyToText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  throw new TypeError('The local Forge host only accepts string or byte request bodies');
}

function toResponse(r: EmulatedResponse): Response {
  const noBody = r.status === 204 || r.status === 304;
  return new Response(noBody ? null : r.body, { status: r.status, headers: r.headers });
}

const proxyError = (status: number, reason: string, message: string): EmulatedResponse => ({
  status,
  headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' },
  body: JSON.stringify({ code: status, message }),
});

/** Works out who a product call runs as, the way the Forge proxy does. */
function callerFor(descriptor: ForgeFetchDescriptor): Caller | EmulatedResponse {
  if (descriptor.provider === 'user') {
    const accountId = descriptor.accountId ?? currentInvocation()?.accountId;
    if (!accountId) {
      return proxyError(401, 'NEEDS_AUTHENTICATION_ERR', 'asUser() needs a user: this invocation has none');
    }
    return { kind: 'user', accountId };
  }
  return { kind: 'app' };
}

async function route(
  services: PlatformServices,
  descriptor: ForgeFetchDescriptor,
  path: string,
  init: FetchInit,
): Promise<{ kind: PlatformCallKind; response: EmulatedResponse }> {
  const bodyText = bodyToText(init.body);
  if (descriptor.type === 'kvs') {
    return { kind: 'kvs', response: await services.kvs.handle(path, bodyText ?? '{}') };
  }
  if (isEventsPath(descriptor, path) && services.events) {
    return { kind: 'events', response: await services.events.handle(path, bodyText ?? '{}') };
  }
  if (descriptor.type === 'fpp' && descriptor.remote === 'stargate' && path === '/graphql') {
    return { kind: 'graphql', response: await services.graphql.handle(bodyText ?? '{}') };
  }
  if (descriptor.type === 'fpp' && descriptor.remote === 'confluence') {
    const method = (init.method ?? 'GET').toUpperCase();
    const caller = callerFor(descriptor);
    if (!('kind' in caller)) return { kind: 'product', response: caller };
    const alternatives = services.confluence.scopeAlternatives(method, path);
    const granted = (set: string[]) => set.every((scope) => services.app.scopes.includes(scope));
    if (alternatives.length > 0 && !alternatives.some(granted)) {
      const required = alternatives.map((set) => set.join(' + '));
      // What Atlassian's gateway answers when the app's token lacks the scope.
      return {
        kind: 'product',
        response: {
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            code: 401,
            message: `Unauthorized; scope does not match. ${method} ${path.split('?')[0]} needs one of: ${required.join(' | ')}`,
          }),
        },
      };
    }
    const response = await services.confluence.handle(
      { method, path, headers: headersToRecord(init.headers), body: bodyText },
      caller,
    );
    return { kind: 'product', response };
  }
  return {
    kind: 'product',
    response: proxyError(
      501,
      'LOCAL_HOST_UNSUPPORTED',
      `The local Forge host does not emulate ${descriptor.type}/${descriptor.remote ?? '-'} ${path}`,
    ),
  };
}

function labelFor(descriptor: ForgeFetchDescriptor, path: string, init: FetchInit): string {
  if (descriptor.type === 'kvs') return `kvs ${path}`;
  return `${(init.method ?? 'GET').toUpperCase()} ${path.split('?')[0]}`;
}

const kindOf = (descriptor: ForgeFetchDescriptor, path: string): PlatformCallKind =>
  descriptor.type === 'kvs'
    ? 'kvs'
    : isEventsPath(descriptor, path)
      ? 'events'
      : path === '/graphql'
        ? 'graphql'
        : 'product';

/** What a call from a dead process gets: nothing, ever (the process is gone on Forge). */
const never = (): Promise<never> => new Promise<never>(() => undefined);

/**
 * Installs the emulated platform on this process's global object. Must run
 * before the app's modules load (@forge/kvs inspects the runtime at import).
 */
export function installForgePlatform(services: PlatformServices): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.__forge_fetch__ = async (descriptor: ForgeFetchDescriptor, path: string, init: FetchInit = {}) => {
    const invocation = currentInvocation();
    if (invocation?.ended) return never();
    const call = async () => (await route(services, descriptor, path, init)).response;
    const kind = kindOf(descriptor, path);
    const label = labelFor(descriptor, path, init);
    const response = invocation ? await invocation.calls.record(kind, label, call) : await call();
    invocation?.afterCall?.({ kind, label });
    if (invocation?.ended) return never();
    return toResponse(response);
  };
  Object.defineProperty(globalThis, '__forge_runtime__', {
    configurable: true,
    get: () => forgeRuntimeFor(services.app),
  });
}
