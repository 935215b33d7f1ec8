import { AppIdentity, installContextOf, Invocation, runInvocation } from '../platform';
import type { ForgeHandler } from './app-loader';
import type { AppManifest } from './manifest';

/** An HTTP request to a web trigger URL, already read. */
export interface WebTriggerHttpRequest {
  method: string;
  /** Path after the host, e.g. /x1/<id>/extra */
  path: string;
  userPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface WebTriggerHttpResponse {
  status: number;
  headers: Record<string, string[]>;
  body: string;
  invocation: Invocation;
}

const multi = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Runs a web trigger function with the request shape Forge documents
 * (headers and query parameters as arrays of strings, the body as a string)
 * and turns its answer into HTTP. An answer that is not of the documented
 * shape becomes a 500, as on Forge.
 */
export async function invokeWebTrigger(
  app: AppIdentity,
  manifest: AppManifest,
  handlers: Record<string, ForgeHandler>,
  moduleKey: string,
  request: WebTriggerHttpRequest,
  timeLimitMs?: number,
): Promise<WebTriggerHttpResponse> {
  const module = manifest.webTriggers.find((w) => w.key === moduleKey);
  if (!module) throw new Error(`No web trigger module '${moduleKey}'`);
  const handler = handlers[module.functionKey];
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = multi(value);
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of request.query) (queryParameters[name] ??= []).push(value);
  const { result, invocation } = await runInvocation(
    { kind: 'webtrigger', moduleKey, functionKey: module.functionKey, timeLimitMs },
    async () =>
      handler(
        {
          method: request.method,
          headers,
          body: request.body,
          path: request.path,
          userPath: request.userPath,
          queryParameters,
          context: { cloudId: app.cloudId, moduleKey },
        },
        { installContext: installContextOf(app), workspaceId: app.cloudId },
      ),
  );
  const answer = result as { statusCode?: unknown; headers?: unknown; body?: unknown } | undefined;
  if (
    !answer ||
    typeof answer.statusCode !== 'number' ||
    (answer.body !== undefined && typeof answer.body !== 'string')
  ) {
    return {
      status: 500,
      headers: { 'content-type': ['text/plain'] },
      body: 'Web trigger function returned a response that is not of the documented shape',
      invocation,
    };
  }
  const outHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries((answer.headers ?? {}) as Record<string, unknown>)) {
    outHeaders[name] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return { status: answer.statusCode, headers: outHeaders, body: answer.body ?? '', invocation };
}
