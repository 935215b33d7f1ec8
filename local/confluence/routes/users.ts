// v1 Users: /wiki/rest/api/user, /user/current, /user/anonymous, /user/bulk, /user/memberof
import { json, notFound } from '../http';
import { readV1Page, v1Links, v1Page } from '../paging';
import { expandParam, intParam, listParam, requiredParam } from '../query';
import type { Route, RouteContext } from '../router';
import { anonymousUserJson, groupJson, userJson, type V1Operation } from '../shapes';
import type { Site } from '../site';
import { DOCS, SCOPES } from './docs';

/** Most results /user/bulk answers ("returns a maximum of 100 results"). */
export const BULK_MAX_RESULTS = 100;

/** Site-level operations: everyone who can use Confluence; admins also administer it. */
function siteOperations(site: Site, accountId: string): V1Operation[] {
  const ops: V1Operation[] = [{ operation: 'use', targetType: 'application' }];
  if (site.isSiteAdmin(accountId)) ops.unshift({ operation: 'administer', targetType: 'application' });
  // The "Create Space(s)" global permission (a guess at its shape: docs/local-confluence.md).
  if (site.isSiteAdmin(accountId) || site.user(accountId)?.canCreateSpace === true) {
    ops.push({ operation: 'create', targetType: 'space' });
  }
  return ops;
}

/** A user (or the app's own user) as the v1 User shape; undefined when unknown. */
function lookupUserJson(ctx: RouteContext, accountId: string, withOps: boolean): Record<string, unknown> | undefined {
  const app = ctx.site.appUser();
  if (accountId === app.accountId) {
    return userJson(ctx, app, {
      accountType: 'app',
      ...(withOps ? { operations: [{ operation: 'use', targetType: 'application' }] } : {}),
    });
  }
  const user = ctx.site.user(accountId);
  if (!user) return undefined;
  return userJson(ctx, user, withOps ? { operations: siteOperations(ctx.site, accountId) } : {});
}

const current: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/user/current',
  family: 'v1',
  scopes: SCOPES.userRead,
  allowAnonymous: true,
  doc: `${DOCS.v1Users}#api-wiki-rest-api-user-current-get`,
  handle(ctx) {
    const withOps = expandParam(ctx.query).has('operations');
    const { caller } = ctx;
    if (caller.kind === 'anonymous') return json(200, anonymousUserJson(ctx, withOps ? [] : undefined));
    const accountId = caller.kind === 'app' ? ctx.site.appUser().accountId : caller.accountId;
    const body = lookupUserJson(ctx, accountId, withOps);
    if (!body) throw notFound(`No user found with accountId: ${accountId}`);
    return json(200, body);
  },
};

const anonymous: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/user/anonymous',
  family: 'v1',
  scopes: SCOPES.anonymousUser,
  allowAnonymous: true,
  doc: `${DOCS.v1Users}#api-wiki-rest-api-user-anonymous-get`,
  handle(ctx) {
    return json(200, anonymousUserJson(ctx, expandParam(ctx.query).has('operations') ? [] : undefined));
  },
};

const getUser: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/user',
  family: 'v1',
  scopes: SCOPES.userRead,
  doc: `${DOCS.v1Users}#api-wiki-rest-api-user-get`,
  handle(ctx) {
    const accountId = requiredParam(ctx.query, 'accountId');
    const body = lookupUserJson(ctx, accountId, expandParam(ctx.query).has('operations'));
    if (!body) throw notFound(`No user found with accountId: ${accountId}`);
    return json(200, body);
  },
};

const bulk: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/user/bulk',
  family: 'v1',
  scopes: SCOPES.userRead,
  doc: `${DOCS.v1Users}#api-wiki-rest-api-user-bulk-get`,
  handle(ctx) {
    requiredParam(ctx.query, 'accountId');
    const ids = listParam(ctx.query, 'accountId');
    const limit = intParam(ctx.query, 'limit', { default: 200, min: 1, max: 200, aboveMax: 'reject' });
    const withOps = expandParam(ctx.query).has('operations');
    const unique = [...new Set(ids)].slice(0, Math.min(limit, BULK_MAX_RESULTS));
    const results = unique
      .map((id) => lookupUserJson(ctx, id, withOps))
      .filter((u): u is Record<string, unknown> => u !== undefined);
    return json(200, { results, start: 0, limit, size: results.length, _links: v1Links(ctx) });
  },
};

const memberOf: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/user/memberof',
  family: 'v1',
  scopes: SCOPES.memberOf,
  doc: `${DOCS.v1Users}#api-wiki-rest-api-user-memberof-get`,
  handle(ctx) {
    const accountId = requiredParam(ctx.query, 'accountId');
    const page = readV1Page(ctx.query, { defaultLimit: 200, maxLimit: 200 });
    if (!ctx.site.user(accountId) && accountId !== ctx.site.appUser().accountId) {
      throw notFound(`No user found with accountId: ${accountId}`);
    }
    const groups = [...ctx.site.groupsOf(accountId)]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((g) => groupJson(ctx, g));
    return json(200, v1Page(groups, page, ctx));
  },
};

export const userRoutes: Route[] = [current, anonymous, bulk, memberOf, getUser];
