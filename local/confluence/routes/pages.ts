// v2 Page and Blog post reads:
//   GET /wiki/api/v2/spaces/{id}/pages, /pages, /pages/{id}
//   GET /wiki/api/v2/spaces/{id}/blogposts, /blogposts/{id}
// Only content the caller may see is listed; unseen content answers 404.
import {
  contentIdParam,
  enumListParam,
  model,
  readableBlogpost,
  readablePage,
  spaceOf,
  V2_CONTENT_PAGE,
  v2Slice,
  where,
} from '../content/route-support';
import type { ContainerRecord, PageRecord } from '../content/records';
import { blogpostJson, pageJson } from '../content/shapes';
import { badRequest, json, notFound } from '../http';
import { enumParam, listParam } from '../query';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';
import { visibleSpace } from './spaces';

const PAGE_STATUSES = ['current', 'archived', 'deleted', 'trashed'] as const;
const BLOG_STATUSES = ['current', 'deleted', 'trashed'] as const;
const SINGLE_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'] as const;
const PAGE_SORTS = [
  'id',
  '-id',
  'created-date',
  '-created-date',
  'modified-date',
  '-modified-date',
  'title',
  '-title',
] as const;
const BLOG_SORTS = ['id', '-id', 'created-date', '-created-date', 'modified-date', '-modified-date'] as const;
const LIST_BODY_FORMATS = ['storage', 'atlas_doc_format'] as const;
const SINGLE_BODY_FORMATS = [
  'storage',
  'atlas_doc_format',
  'view',
  'export_view',
  'anonymous_export_view',
  'styled_view',
  'editor',
] as const;
/** getPages: `id` takes at most 250 ids, `space-id` at most 100 (OpenAPI maxItems). */
const MAX_ID_FILTER = 250;
const MAX_SPACE_ID_FILTER = 100;

type Sort = (typeof PAGE_SORTS)[number];

function sorted<T extends ContainerRecord>(items: Iterable<T>, sort: Sort | undefined): Iterable<T> {
  // Lists are kept by id ascending, so the default order needs no sort.
  if (sort === undefined || sort === 'id') return items;
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const key = (r: T): string | bigint =>
    field === 'id'
      ? BigInt(r.id)
      : field === 'created-date'
        ? r.createdAt
        : field === 'modified-date'
          ? r.updatedAt
          : r.title;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return desc ? -c : c;
  });
}

/** Views other than storage/ADF are rendered from storage; the emulator answers storage for them (a guess). */
function bodyFormat(raw: string | undefined): 'storage' | 'atlas_doc_format' | undefined {
  if (raw === undefined) return undefined;
  return raw === 'atlas_doc_format' ? 'atlas_doc_format' : 'storage';
}

function pageFilters(ctx: RouteContext) {
  const statuses = enumListParam(ctx.query, 'status', PAGE_STATUSES, ['current', 'archived']);
  const title = ctx.query.get('title') ?? undefined;
  const sort = enumParam(ctx.query, 'sort', PAGE_SORTS);
  const format = bodyFormat(enumParam(ctx.query, 'body-format', LIST_BODY_FORMATS));
  const canRead = model(ctx).access.reader(ctx.caller);
  const keep = (p: PageRecord): boolean =>
    (statuses as readonly string[]).includes(p.status) &&
    (title === undefined || title === '' || p.title === title) &&
    canRead(p);
  return { keep, sort, format };
}

const spacePages: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}/pages',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2Page}#api-spaces-id-pages-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    const depth = enumParam(ctx.query, 'depth', ['all', 'root'] as const) ?? 'all';
    const { keep, sort, format } = pageFilters(ctx);
    const store = model(ctx).store;
    const pages =
      depth === 'root'
        ? store.roots(space.id).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
        : store.eachPageOf(space.id);
    const out = v2Slice(where(sorted(pages, sort), keep), ctx, V2_CONTENT_PAGE, (p) =>
      pageJson(store, p, { spaceKey: space.key, bodyFormat: format }),
    );
    return json(200, out.body, out.headers);
  },
};

const allPages: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/pages',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2Page}#api-pages-get`,
  handle(ctx) {
    const ids = listParam(ctx.query, 'id').map((raw) => contentIdParam(raw, 'id'));
    const spaceIds = listParam(ctx.query, 'space-id').map((raw) => contentIdParam(raw, 'space-id'));
    if (ids.length > MAX_ID_FILTER)
      throw badRequest(`Parameter 'id' takes at most ${MAX_ID_FILTER} ids, got ${ids.length}`);
    if (spaceIds.length > MAX_SPACE_ID_FILTER) {
      throw badRequest(`Parameter 'space-id' takes at most ${MAX_SPACE_ID_FILTER} ids, got ${spaceIds.length}`);
    }
    const { keep, sort, format } = pageFilters(ctx);
    const store = model(ctx).store;
    let pages: PageRecord[];
    if (ids.length > 0) {
      pages = [...new Set(ids)]
        .map((id) => store.page(id))
        .filter((p): p is PageRecord => p !== undefined)
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    } else if (spaceIds.length > 0) {
      pages = [...new Set(spaceIds)]
        .flatMap((id) => store.pagesOf(id))
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    } else {
      pages = store.allPages();
    }
    if (ids.length > 0 && spaceIds.length > 0) pages = pages.filter((p) => spaceIds.includes(p.spaceId));
    const out = v2Slice(where(sorted(pages, sort), keep), ctx, V2_CONTENT_PAGE, (p) =>
      pageJson(store, p, { spaceKey: spaceOf(ctx, p).key, bodyFormat: format }),
    );
    return json(200, out.body, out.headers);
  },
};

/** Single GETs: without `status` a trashed item answers 404 (the stricter reading; pass status=trashed). */
function statusAllows(ctx: RouteContext, status: string): boolean {
  const allowed = enumListParam(ctx.query, 'status', SINGLE_STATUSES, ['current', 'archived']);
  return (allowed as readonly string[]).includes(status);
}

const pageById: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/pages/{id}',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2Page}#api-pages-id-get`,
  handle(ctx) {
    const id = contentIdParam(ctx.params.id);
    const format = bodyFormat(enumParam(ctx.query, 'body-format', SINGLE_BODY_FORMATS));
    const page = readablePage(ctx, id);
    if (!statusAllows(ctx, page.status)) throw notFound(`No page found with id ${id}`);
    const space = spaceOf(ctx, page);
    return json(
      200,
      pageJson(model(ctx).store, page, { spaceKey: space.key, bodyFormat: format, base: `${ctx.baseUrl}/wiki` }),
    );
  },
};

const spaceBlogposts: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}/blogposts',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2BlogPost}#api-spaces-id-blogposts-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    const statuses = enumListParam(ctx.query, 'status', BLOG_STATUSES, ['current']);
    const title = ctx.query.get('title') ?? undefined;
    const sort = enumParam(ctx.query, 'sort', BLOG_SORTS);
    const format = bodyFormat(enumParam(ctx.query, 'body-format', LIST_BODY_FORMATS));
    const canRead = model(ctx).access.reader(ctx.caller);
    const keep = (b: ContainerRecord): boolean =>
      (statuses as readonly string[]).includes(b.status) &&
      (title === undefined || title === '' || b.title === title) &&
      canRead(b);
    const posts = model(ctx).store.blogpostsOf(space.id);
    const out = v2Slice(where(sorted(posts, sort), keep), ctx, V2_CONTENT_PAGE, (b) =>
      blogpostJson(b, { spaceKey: space.key, bodyFormat: format }),
    );
    return json(200, out.body, out.headers);
  },
};

const blogpostById: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/blogposts/{id}',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2BlogPost}#api-blogposts-id-get`,
  handle(ctx) {
    const id = contentIdParam(ctx.params.id);
    const format = bodyFormat(enumParam(ctx.query, 'body-format', SINGLE_BODY_FORMATS));
    const post = readableBlogpost(ctx, id);
    if (!statusAllows(ctx, post.status)) throw notFound(`No blog post found with id ${id}`);
    const space = spaceOf(ctx, post);
    return json(200, blogpostJson(post, { spaceKey: space.key, bodyFormat: format, base: `${ctx.baseUrl}/wiki` }));
  },
};

export const pageRoutes: Route[] = [spacePages, allPages, pageById, spaceBlogposts, blogpostById];
