// The emulated Confluence site: the REST endpoints the app calls, answered
// from a site fixture with the shapes, paging and errors Atlassian documents.
import { authenticate } from './auth';
import {
  ApiError, errorResponse, type ApiFamily, type ConfluenceRequest, type ConfluenceResponse,
} from './http';
import { Router, type Route } from './router';
import { groupRoutes } from './routes/groups';
import { searchRoutes } from './routes/search';
import { spacePermissionRoutes } from './routes/space-permissions';
import { spaceRoutes } from './routes/spaces';
import { userRoutes } from './routes/users';
import type { SiteDirectory } from './schema';
import { Site, type Caller } from './site';

export type { Caller } from './site';
export type { ConfluenceRequest, ConfluenceResponse } from './http';
export type { SiteDirectory, SiteDirectoryInput } from './schema';
export { DirectoryError, parseDirectory } from './schema';
export { loadDirectory, DEFAULT_DIRECTORY_FILE } from './load';
export { Site } from './site';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8000';

/** Every endpoint the emulator answers. */
export const ROUTES: readonly Route[] = [
  ...userRoutes, ...groupRoutes, ...searchRoutes, ...spaceRoutes, ...spacePermissionRoutes,
];

const familyOf = (pathname: string): ApiFamily => (pathname.startsWith('/wiki/api/v2/') ? 'v2' : 'v1');

function splitPath(path: string): { pathname: string; query: URLSearchParams } {
  const q = path.indexOf('?');
  const rawPath = q < 0 ? path : path.slice(0, q);
  return { pathname: rawPath, query: new URLSearchParams(q < 0 ? '' : path.slice(q + 1)) };
}

export class ConfluenceEmulator {
  /** The mutable model behind the endpoints (later issues grant/revoke through it). */
  readonly site: Site;
  readonly baseUrl: string;
  private readonly router = new Router(ROUTES);

  constructor(directory: SiteDirectory, options: { baseUrl?: string } = {}) {
    this.site = new Site(directory);
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
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
    return this.scopeAlternatives(method, path).filter((set) => set.length === 1).map((set) => set[0] ?? '');
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

  async handle(req: ConfluenceRequest, caller: Caller): Promise<ConfluenceResponse> {
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
        site: this.site, caller, params: m.params, query, pathname, baseUrl: this.baseUrl, req,
      });
    } catch (err) {
      if (err instanceof ApiError) return errorResponse(family, err.status, err.message);
      const message = err instanceof Error ? err.message : String(err);
      return errorResponse(family, 500, `Internal error in the Confluence emulator: ${message}`);
    }
  }
}
