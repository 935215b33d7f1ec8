// v1 Search: /wiki/rest/api/search (spaces: type = space AND title ~ "...";
// pages and blog posts: type = page AND space = "KEY" AND title ~ "...", see ../content-search.ts)
// and /wiki/rest/api/search/user (user.fullname ~ "...", user = "<accountId>", ...).
import {
  checkFields,
  CqlError,
  fieldsOf,
  matches,
  parseCql,
  type CqlQuery,
  type EvalContext,
  type FieldSpec,
  type Operator,
} from '../cql';
import { contentFields, contentResultJson, findContent, isContentQuery } from '../content-search';
import { badRequest, json } from '../http';
import { decodeCursor, encodeCursor, readV1Page, v1Links, type LinkContext } from '../paging';
import { boolParam, intParam, requiredParam } from '../query';
import type { Route, RouteContext } from '../router';
import type { DirectorySpace, DirectoryUser } from '../schema';
import { spaceCreatedAt, userJson, v1SpaceJson } from '../shapes';
import { DOCS, SCOPES } from './docs';

/** Search limits: default 25 (documented); larger limits are clamped to this. */
export const SEARCH_MAX_LIMIT = 200;

const EQUALITY: readonly Operator[] = ['=', '!=', 'in', 'not in'];
const TEXT: readonly Operator[] = ['~', '!~', '=', '!='];

const USER_FIELDS: Record<string, FieldSpec<DirectoryUser>> = {
  type: { ops: EQUALITY, values: () => ['user'] },
  user: { ops: EQUALITY, values: (u) => [u.accountId] },
  'user.accountid': { ops: EQUALITY, values: (u) => [u.accountId] },
  'user.userkey': { ops: EQUALITY, values: (u) => [u.accountId] },
  'user.fullname': { ops: TEXT, values: (u) => [u.displayName] },
};

const SPACE_FIELDS: Record<string, FieldSpec<DirectorySpace>> = {
  type: { ops: EQUALITY, values: () => ['space'] },
  space: { ops: EQUALITY, values: (s) => [s.key] },
  'space.key': { ops: EQUALITY, values: (s) => [s.key] },
  'space.id': { ops: EQUALITY, values: (s) => [s.id] },
  'space.title': { ops: TEXT, values: (s) => [s.name] },
  'space.type': { ops: EQUALITY, values: (s) => [s.type] },
  title: { ops: TEXT, values: (s) => [s.name] },
};

/** Content fields: valid CQL, but the emulated site holds no content, so no space has a value. */
const CONTENT_FIELDS = [
  'ancestor',
  'container',
  'content',
  'created',
  'creator',
  'contributor',
  'favourite',
  'favorite',
  'id',
  'label',
  'lastmodified',
  'macro',
  'mention',
  'parent',
  'text',
  'watcher',
];
const CONTENT_OPS: readonly Operator[] = ['=', '!=', '~', '!~', '>', '>=', '<', '<=', 'in', 'not in'];
for (const f of CONTENT_FIELDS) SPACE_FIELDS[f] = { ops: CONTENT_OPS, values: () => [] };

/** Fields /wiki/rest/api/search no longer takes (see its deprecation notice). */
const USER_ONLY_FIELDS = new Set(['user', 'user.fullname', 'user.accountid', 'user.userkey']);

function parseOrFail(cql: string): CqlQuery {
  try {
    return parseCql(cql);
  } catch (err) {
    if (err instanceof CqlError) throw badRequest(`Could not parse cql : ${cql} (${err.message})`);
    throw err;
  }
}

function check<E>(cql: string, query: CqlQuery, fields: Record<string, FieldSpec<E>>): void {
  try {
    checkFields(query.expr, fields);
    for (const o of query.orderBy) {
      if (!fields[o.field]) throw new CqlError(`cannot order by the field '${o.field}'`);
    }
  } catch (err) {
    if (err instanceof CqlError) throw badRequest(`Could not parse cql : ${cql} (${err.message})`);
    throw err;
  }
}

function evalContext(ctx: RouteContext): EvalContext {
  return {
    fn(name) {
      if (name.toLowerCase() === 'currentuser') return ctx.caller.kind === 'user' ? ctx.caller.accountId : '';
      throw badRequest(`Could not parse cql : the function '${name}()' is not supported`);
    },
  };
}

function ordered<E>(items: E[], query: CqlQuery, fields: Record<string, FieldSpec<E>>): E[] {
  const out = [...items];
  for (const o of [...query.orderBy].reverse()) {
    const spec = fields[o.field];
    if (!spec) continue;
    const sign = o.direction === 'desc' ? -1 : 1;
    out.sort((a, b) => sign * (spec.values(a)[0] ?? '').localeCompare(spec.values(b)[0] ?? ''));
  }
  return out;
}

interface SearchPage<T> {
  results: T[];
  start: number;
  limit: number;
  size: number;
  totalSize: number;
  cqlQuery: string;
  searchDuration: number;
  _links: { base: string; context: string; self: string; next?: string };
}

function searchPage<T>(
  all: T[],
  start: number,
  limit: number,
  cql: string,
  ctx: LinkContext,
  next: (nextStart: number) => string,
): SearchPage<T> {
  const results = all.slice(start, start + limit);
  const links: SearchPage<T>['_links'] = v1Links(ctx);
  const nextStart = start + results.length;
  if (limit > 0 && nextStart < all.length) links.next = next(nextStart);
  return {
    results,
    start,
    limit,
    size: results.length,
    totalSize: all.length,
    cqlQuery: cql,
    searchDuration: 1,
    _links: links,
  };
}

const searchUser: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/search/user',
  family: 'v1',
  scopes: SCOPES.searchUser,
  doc: `${DOCS.v1Search}#api-wiki-rest-api-search-user-get`,
  handle(ctx) {
    const cql = requiredParam(ctx.query, 'cql');
    const page = readV1Page(ctx.query, { defaultLimit: 25, maxLimit: SEARCH_MAX_LIMIT });
    const query = parseOrFail(cql);
    check(cql, query, USER_FIELDS);
    const ev = evalContext(ctx);
    const found = ctx.site
      .users()
      .filter((u) => matches(query.expr, u, USER_FIELDS, ev))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    const results = ordered(found, query, USER_FIELDS).map((u) => ({
      user: userJson(ctx, u),
      title: u.displayName,
      excerpt: '',
      url: `/people/${encodeURIComponent(u.accountId)}`,
      breadcrumbs: [],
      entityType: 'user',
      iconCssClass: 'aui-icon content-type-profile',
      lastModified: '2024-01-15T09:00:00.000Z',
      score: 0,
    }));
    return json(
      200,
      searchPage(results, page.start, page.limit, cql, ctx, (nextStart) => {
        const q = new URLSearchParams(ctx.query);
        q.set('start', String(nextStart));
        q.set('limit', String(page.limit));
        return `/rest/api/search/user?${q.toString()}`;
      }),
    );
  },
};

const search: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/search',
  family: 'v1',
  scopes: SCOPES.search,
  doc: `${DOCS.v1Search}#api-wiki-rest-api-search-get`,
  handle(ctx) {
    const cql = requiredParam(ctx.query, 'cql');
    const limit = intParam(ctx.query, 'limit', { default: 25, min: 0, max: SEARCH_MAX_LIMIT, aboveMax: 'clamp' });
    const cursor = ctx.query.get('cursor');
    const start = cursor ? decodeCursor(cursor) : intParam(ctx.query, 'start', { default: 0, min: 0 });
    const includeArchived = boolParam(ctx.query, 'includeArchivedSpaces', false);
    const query = parseOrFail(cql);
    const userField = fieldsOf(query.expr).find((f) => USER_ONLY_FIELDS.has(f));
    if (userField) {
      throw badRequest(
        `Could not parse cql : ${cql} (the field '${userField}' is not supported by this endpoint;` +
          ' use /wiki/rest/api/search/user)',
      );
    }
    const ev = evalContext(ctx);
    const page = (results: unknown[]) =>
      json(
        200,
        searchPage(results, start, limit, cql, ctx, (nextStart) => {
          const q = new URLSearchParams(ctx.query);
          q.delete('start');
          q.set('limit', String(limit));
          q.set('cursor', encodeCursor(nextStart));
          return `/rest/api/search?${q.toString()}`;
        }),
      );
    if (isContentQuery(query.expr)) {
      // Pages and blog posts (local/confluence/content-search.ts).
      const fields = contentFields(ctx);
      check(cql, query, fields);
      const expand = new Set((ctx.query.get('expand') ?? '').split(',').map((e) => e.trim()));
      return page(
        ordered(findContent(ctx, query.expr, ev), query, fields).map((r) => contentResultJson(ctx, r, expand)),
      );
    }
    check(cql, query, SPACE_FIELDS);
    const found = ctx.site
      .spaces()
      .filter((s) => ctx.site.canView(ctx.caller, s.id))
      .filter((s) => includeArchived || s.status !== 'archived')
      .filter((s) => matches(query.expr, s, SPACE_FIELDS, ev))
      .sort((a, b) => a.name.localeCompare(b.name));
    const results = ordered(found, query, SPACE_FIELDS).map((s) => ({
      space: v1SpaceJson(ctx, s),
      title: s.name,
      excerpt: '',
      url: `/spaces/${s.key}`,
      resultGlobalContainer: { title: s.name, displayUrl: `/spaces/${s.key}` },
      breadcrumbs: [],
      entityType: 'space',
      iconCssClass: 'aui-icon content-type-space',
      lastModified: spaceCreatedAt(s),
      friendlyLastModified: spaceCreatedAt(s).slice(0, 10),
      score: 0,
    }));
    return page(results);
  },
};

export const searchRoutes: Route[] = [searchUser, search];
