// The emulated Confluence site: the REST endpoints the app calls, answered
// from a site fixture with the shapes, paging and errors Atlassian documents.
import { authenticate } from './auth';
import { ConnectionDropped, FaultInjector } from './faults';
import { ApiError, errorResponse, type ApiFamily, type ConfluenceRequest, type ConfluenceResponse } from './http';
import { Router, type Route } from './router';
import { groupRoutes } from './routes/groups';
import { pagePartRoutes } from './routes/page-parts';
import { pageRoutes } from './routes/pages';
import { pageUpdateRoutes } from './routes/page-update';
import { attachmentFileRoutes } from './routes/attachment-files';
import { contentV1Routes } from './routes/content-v1';
import { contentWriteRoutes } from './routes/content-writes';
import { longTaskRoutes } from './routes/long-tasks';
import { spaceCreateRoutes } from './routes/space-create';
import { searchRoutes } from './routes/search';
import { spacePermissionRoutes } from './routes/space-permissions';
import { spacePermissionWriteRoutes } from './routes/space-permission-writes';
import { spaceRoleRoutes } from './routes/space-roles';
import { spaceRoutes } from './routes/spaces';
import { userRoutes } from './routes/users';
import type { SiteDirectory } from './schema';
import { Site, type Caller } from './site';
import type { Clock } from './content/model';

export type { Caller } from './site';
export type { ConfluenceRequest, ConfluenceResponse } from './http';
export type { SiteDirectory, SiteDirectoryInput } from './schema';
export { DirectoryError, parseDirectory } from './schema';
export { loadDirectory, DEFAULT_DIRECTORY_FILE } from './load';
export { Site } from './site';
export type { PermissionChange } from './site';
export { ConnectionDropped, FaultInjector } from './faults';
export type { Fault, FaultRule, InjectedFault } from './faults';
export { createConfluenceServer } from './serve';
export { ManualClock, systemClock, type Clock } from './content/model';
export type { ContentChange } from './content/records';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8000';

/** The v1 permission writes the relay calls (apps may not). */
export const WRITE_ROUTES: readonly Route[] = spacePermissionWriteRoutes;

/** Every endpoint the emulator answers. */
export const ROUTES: readonly Route[] = [
  ...userRoutes,
  ...groupRoutes,
  ...searchRoutes,
  ...spaceRoutes,
  ...spacePermissionRoutes,
  ...spaceRoleRoutes,
  ...WRITE_ROUTES,
  ...pageRoutes,
  ...pagePartRoutes,
  ...contentWriteRoutes,
  ...contentV1Routes,
  ...longTaskRoutes,
  ...spaceCreateRoutes,
  ...attachmentFileRoutes,
  ...pageUpdateRoutes,
];

const familyOf = (pathname: string): ApiFamily => (pathname.startsWith('/wiki/api/v2/') ? 'v2' : 'v1');

function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const q = path.indexOf('?');
  const rawPath = q < 0 ? path : path.slice(0, q);
  return { pathname: rawPath, query: new URLSearchParams(q < 0 ? '' : path.slice(q + 1)) };
}

/** The request with its `limit` parameter lowered to `cap` (a pageLimit fault). */
function withLowerLimit(req: ConfluenceRequest, cap: number): ConfluenceRequest {
  const { pathname, query } = splitPath(req.path);
  const asked = Number(query.get('limit') ?? cap);
  query.set('limit', String(Math.min(Number.isFinite(asked) ? asked : cap, cap)));
  return { ...req, path: `${pathname}?${query.toString()}` };
}

export class ConfluenceEmulator {
  /** The mutable model behind the endpoints; the write routes and tests change the site through it. */
  readonly site: Site;
  readonly baseUrl: string;
  /** Off until a test adds a rule: `confluence.faults.add({fault: {kind: 'status', status: 429, retryAfter: '1'}, method: 'POST', times: 3})`. */
  readonly faults = new FaultInjector();
  private readonly router = new Router(ROUTES);

  constructor(
    directory: SiteDirectory,
    options: {
      baseUrl?: string;
      /** The clock long tasks and content timestamps read (default: the system clock). */
      clock?: Clock;
      /** How many pages a long task handles per second of that clock (default 20; Infinity: at once). */
      longTaskStepsPerSecond?: number;
    } = {},
  ) {
    this.site = new Site(directory);
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    if (options.clock) this.site.content.clock = options.clock;
    if (options.longTaskStepsPerSecond !== undefined) {
      this.site.content.tasks.stepsPerSecond = options.longTaskStepsPerSecond;
    }
  }

  /** The live site directory (read it; change it through `site`). */
  get directory(): SiteDirectory {
    return this.site.directory;
  }

  /** Basic base64(email:apiToken) of a fixture user -> that user; missing -> anonymous; anything else -> null (401). */
  authenticate(authorizationHeader: string | undefined): Caller | null {
    return authenticate(this.site, authorizationHeader);
  }

  /**
   * Forge scopes any one of which allows the endpoint (classic or granular).
   * Where the reference needs several granular scopes together (e.g.
   * /user/memberof: read:user:confluence AND read:group:confluence) that
   * combination is not listed here, so a check with this list is never
   * looser than the platform; see `scopeAlternatives` for the full sets.
   * Unknown endpoints answer [].
   */
  requiredScopes(method: string, path: string): string[] {
    return this.scopeAlternatives(method, path)
      .filter((set) => set.length === 1)
      .map((set) => set[0] ?? '');
  }

  /** The scope sets that allow the endpoint: any one set, every scope in it. Unknown endpoints answer []. */
  scopeAlternatives(method: string, path: string): string[][] {
    const { pathname } = splitPath(path);
    try {
      const m = this.router.match(method, pathname);
      return m.kind === 'found' ? m.route.scopes.map((set) => [...set]) : [];
    } catch {
      return [];
    }
  }

  /**
   * Answers one request. Injected faults apply first: a delay waits, a
   * status answers at once (with Retry-After when set), a drop throws
   * `ConnectionDropped` before or after the request is handled (an HTTP
   * server turns it into a destroyed socket; see serve.ts).
   */
  async handle(req: ConfluenceRequest, caller: Caller): Promise<ConfluenceResponse> {
    const { pathname } = splitPath(req.path);
    const faults = this.faults.pick(req.method, pathname, caller);
    for (const fault of faults) {
      if (fault.kind === 'delay') await new Promise((done) => setTimeout(done, fault.ms));
    }
    for (const fault of faults) {
      if (fault.kind === 'drop' && fault.when === 'before') throw new ConnectionDropped('before');
      if (fault.kind === 'status') {
        const res = errorResponse(familyOf(pathname), fault.status, fault.message ?? `Injected fault: ${fault.status}`);
        return fault.retryAfter === undefined
          ? res
          : { ...res, headers: { ...res.headers, 'retry-after': fault.retryAfter } };
      }
    }
    const capped = faults.find((f) => f.kind === 'pageLimit');
    const answer = this.answer(capped?.kind === 'pageLimit' ? withLowerLimit(req, capped.limit) : req, caller);
    if (faults.some((f) => f.kind === 'drop' && f.when === 'after')) throw new ConnectionDropped('after');
    return answer;
  }

  private answer(req: ConfluenceRequest, caller: Caller): ConfluenceResponse {
    // Long tasks move with the clock; apply what is due before answering anything.
    this.site.content.tasks.advance();
    const { pathname, query } = splitPath(req.path);
    const family = familyOf(pathname);
    try {
      if (!pathname.startsWith('/wiki/')) throw new ApiError(404, `No resource at ${pathname}`);
      const m = this.router.match(req.method, pathname);
      if (m.kind === 'none') throw new ApiError(404, `No resource at ${pathname}`);
      if (m.kind === 'wrong-method') {
        const res = errorResponse(family, 405, `Method ${req.method} is not allowed on ${pathname}`);
        return { ...res, headers: { ...res.headers, allow: [...new Set(m.allowed)].join(', ') } };
      }
      if (caller.kind === 'anonymous' && m.route.allowAnonymous !== true) {
        throw new ApiError(401, 'Client must be authenticated to access this resource.');
      }
      return m.route.handle({
        site: this.site,
        caller,
        params: m.params,
        query,
        pathname,
        baseUrl: this.baseUrl,
        req,
      });
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(family, err.status, err.message);
      const message = err instanceof Error ? err.message : String(err);
      return errorResponse(family, 500, `Internal error in the Confluence emulator: ${message}`);
    }
  }
}
