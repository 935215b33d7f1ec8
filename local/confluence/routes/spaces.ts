// v2 Space: GET /wiki/api/v2/spaces, GET /wiki/api/v2/spaces/{id}
import { badRequest, json, notFound } from '../http';
import { readV2Page, v2Page } from '../paging';
import { enumParam, listParam } from '../query';
import type { Route, RouteContext } from '../router';
import type { DirectorySpace } from '../schema';
import { v2SpaceJson } from '../shapes';
import { DOCS, SCOPES } from './docs';

/** v2 limits for spaces and space permissions: 1..250, default 25. */
export const V2_PAGE = { defaultLimit: 25, maxLimit: 250 } as const;

const SORTS = ['id', '-id', 'key', '-key', 'name', '-name'] as const;
const TYPES = ['global', 'personal', 'collaboration', 'knowledge_base'] as const;
const STATUSES = ['current', 'archived'] as const;

/** Path/query ids are typed integer in the v2 reference. */
export function spaceIdParam(raw: string | undefined, name = 'id'): string {
  if (raw === undefined || !/^[0-9]{1,18}$/.test(raw)) {
    throw badRequest(`Provided value {${raw ?? ''}} for '${name}' is not the correct type. Expected type is Long`);
  }
  return String(BigInt(raw));
}

/** The space, when the caller may see it; otherwise 404 (as for an unknown id). */
export function visibleSpace(ctx: RouteContext, rawId: string | undefined): DirectorySpace {
  const id = spaceIdParam(rawId);
  const space = ctx.site.space(id);
  if (!space || !ctx.site.canView(ctx.caller, id)) throw notFound(`No space found with id ${id}`);
  return space;
}

/** Default authorId: the first user in the fixture (real spaces carry their creator). */
const defaultAuthor = (ctx: RouteContext): string => ctx.site.users()[0]?.accountId ?? '';

function sortSpaces(spaces: DirectorySpace[], sort: (typeof SORTS)[number]): DirectorySpace[] {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const compare = (a: DirectorySpace, b: DirectorySpace): number => {
    if (field === 'id') return Number(a.id) - Number(b.id);
    if (field === 'key') return a.key.localeCompare(b.key);
    return a.name.localeCompare(b.name);
  };
  return [...spaces].sort((a, b) => (desc ? -compare(a, b) : compare(a, b)));
}

const list: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces',
  family: 'v2',
  scopes: SCOPES.spaceRead,
  doc: `${DOCS.v2Space}#api-spaces-get`,
  handle(ctx) {
    const ids = listParam(ctx.query, 'ids').map((raw) => spaceIdParam(raw, 'ids'));
    const keys = listParam(ctx.query, 'keys').map((k) => k.toLowerCase());
    const type = enumParam(ctx.query, 'type', TYPES);
    const status = enumParam(ctx.query, 'status', STATUSES);
    const labels = listParam(ctx.query, 'labels');
    const sort = enumParam(ctx.query, 'sort', SORTS) ?? 'id';
    const page = readV2Page(ctx.query, V2_PAGE);
    const spaces = ctx.site
      .spaces()
      .filter((s) => ctx.site.canView(ctx.caller, s.id))
      .filter((s) => ids.length === 0 || ids.includes(s.id))
      .filter((s) => keys.length === 0 || keys.includes(s.key.toLowerCase()))
      .filter((s) => type === undefined || s.type === type)
      .filter((s) => status === undefined || s.status === status)
      // The fixture has no space labels, so a label filter matches nothing.
      .filter(() => labels.length === 0);
    const author = defaultAuthor(ctx);
    const out = v2Page(
      sortSpaces(spaces, sort).map((s) => v2SpaceJson(s, author)),
      page,
      ctx,
    );
    return json(200, out.body, out.headers);
  },
};

const byId: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}',
  family: 'v2',
  scopes: SCOPES.spaceRead,
  doc: `${DOCS.v2Space}#api-spaces-id-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    return json(200, {
      ...v2SpaceJson(space, defaultAuthor(ctx)),
      _links: { webui: `/spaces/${space.key}`, base: `${ctx.baseUrl}/wiki` },
    });
  },
};

export const spaceRoutes: Route[] = [list, byId];
