/**
 * The host's one way of routing: a table of routes, each a method (or any),
 * a path test and a handler. The first route whose test matches and whose
 * handler answers wins; a handler may answer `undefined` to pass the request
 * on (a host page that is not one of the app's).
 */
import type { IncomingMessage } from 'node:http';
import type { HostAnswer } from './answer';
import { BodyTooLargeError, readBody } from './http-util';

/** Forge caps a function's request payload; we refuse larger bodies the same way. */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export interface HostRequest {
  req: IncomingMessage;
  method: string;
  url: URL;
  /** What the path test captured. */
  match: RegExpExecArray;
  /** The body as UTF-8; throws BodyTooLargeError past MAX_REQUEST_BYTES. */
  body(): Promise<string>;
}

export interface HostRoute {
  method?: 'GET' | 'POST';
  path: RegExp;
  handle(request: HostRequest): Promise<HostAnswer | undefined> | HostAnswer | undefined;
}

export { BodyTooLargeError };

export async function routeRequest(
  routes: readonly HostRoute[],
  req: IncomingMessage,
  url: URL,
): Promise<HostAnswer | undefined> {
  const method = req.method ?? 'GET';
  let body: Promise<string> | undefined;
  for (const route of routes) {
    if (route.method && route.method !== method) continue;
    const match = route.path.exec(url.pathname);
    if (!match) continue;
    const out = await route.handle({
      req,
      method,
      url,
      match,
      body: () => (body ??= readBody(req, MAX_REQUEST_BYTES)),
    });
    if (out) return out;
  }
  return undefined;
}
