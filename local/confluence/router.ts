// Route table types and matching.
import type { ApiFamily, ConfluenceRequest, ConfluenceResponse } from './http';
import { badRequest } from './http';
import type { Caller, Site } from './site';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  site: Site;
  caller: Caller;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Request path without the query string, starting with /wiki/. */
  pathname: string;
  baseUrl: string;
  req: ConfluenceRequest;
}

export interface Route {
  method: Method;
  /** e.g. "/wiki/rest/api/group/{groupId}/membersByGroupId" */
  pattern: string;
  family: ApiFamily;
  /**
   * Forge scope sets that allow the endpoint, as its reference page lists
   * them: any one set will do, and every scope in that set is needed.
   */
  scopes: readonly (readonly string[])[];
  /** Anonymous callers get 401 unless this is set. */
  allowAnonymous?: boolean;
  /** The reference page the endpoint was checked against. */
  doc: string;
  handle(ctx: RouteContext): ConfluenceResponse;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: Method[] }
  | { kind: 'none' };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((seg) => {
      const m = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(seg);
      if (!m?.[1]) return escape(seg);
      names.push(m[1]);
      return '([^/]+)';
    })
    .join('/');
  return { route, regex: new RegExp(`^${source}/?$`), names };
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map(compile);
  }

  match(method: string, pathname: string): Match {
    const allowed: Method[] = [];
    for (const c of this.compiled) {
      const m = c.regex.exec(pathname);
      if (!m) continue;
      if (c.route.method !== method.toUpperCase()) {
        allowed.push(c.route.method);
        continue;
      }
      const params: Record<string, string> = {};
      c.names.forEach((name, i) => {
        const raw = m[i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          throw badRequest(`Path parameter '${name}' is not valid: '${raw}'`);
        }
      });
      return { kind: 'found', route: c.route, params };
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}
