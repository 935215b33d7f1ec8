// v1 Group: /wiki/rest/api/group, /group/picker, /group/by-id, /group/{groupId}/membersByGroupId
import { json, notFound } from '../http';
import { readV1Page, v1Page } from '../paging';
import { boolParam, requiredParam } from '../query';
import type { Route } from '../router';
import { groupJson, userJson } from '../shapes';
import { DOCS, SCOPES } from './docs';

/** Group limits: default 200; the picker documents 200 as its maximum. */
const GROUP_PAGE = { defaultLimit: 200, maxLimit: 200 } as const;

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

const list: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/group',
  family: 'v1',
  scopes: SCOPES.groupRead,
  doc: `${DOCS.v1Group}#api-wiki-rest-api-group-get`,
  handle(ctx) {
    const page = readV1Page(ctx.query, GROUP_PAGE);
    const groups = [...ctx.site.groups()].sort(byName).map((g) => groupJson(ctx, g));
    return json(200, v1Page(groups, page, ctx));
  },
};

const picker: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/group/picker',
  family: 'v1',
  scopes: SCOPES.groupRead,
  doc: `${DOCS.v1Group}#api-wiki-rest-api-group-picker-get`,
  handle(ctx) {
    const query = requiredParam(ctx.query, 'query').trim().toLowerCase();
    const page = readV1Page(ctx.query, GROUP_PAGE);
    const withTotal = boolParam(ctx.query, 'shouldReturnTotalSize', false);
    const groups = ctx.site
      .groups()
      .filter((g) => g.name.toLowerCase().includes(query))
      .sort(byName)
      .map((g) => groupJson(ctx, g));
    return json(200, v1Page(groups, page, ctx, withTotal));
  },
};

const byId: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/group/by-id',
  family: 'v1',
  scopes: SCOPES.groupRead,
  doc: `${DOCS.v1Group}#api-wiki-rest-api-group-by-id-get`,
  handle(ctx) {
    const id = requiredParam(ctx.query, 'id');
    const group = ctx.site.group(id);
    if (!group) throw notFound(`No group found with id: ${id}`);
    return json(200, groupJson(ctx, group));
  },
};

const members: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/group/{groupId}/membersByGroupId',
  family: 'v1',
  scopes: SCOPES.groupMembers,
  doc: `${DOCS.v1Group}#api-wiki-rest-api-group-groupid-membersbygroupid-get`,
  handle(ctx) {
    const groupId = ctx.params.groupId ?? '';
    const page = readV1Page(ctx.query, GROUP_PAGE);
    const withTotal = boolParam(ctx.query, 'shouldReturnTotalSize', false);
    if (!ctx.site.group(groupId)) throw notFound(`No group found with id: ${groupId}`);
    const users = ctx.site
      .membersOf(groupId)
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((u) => userJson(ctx, u));
    return json(200, v1Page(users, page, ctx, withTotal));
  },
};

export const groupRoutes: Route[] = [list, picker, byId, members];
