// v2 Space Permissions and Operation:
//   GET /wiki/api/v2/spaces/{id}/permissions  (assignments, cursor paged)
//   GET /wiki/api/v2/spaces/{id}/operations   (the caller's operations in the space)
import { json } from '../http';
import { readV2Page, v2Page } from '../paging';
import type { Route } from '../router';
import { v1Operation } from '../shapes';
import { DOCS, SCOPES } from './docs';
import { roleDerivedPermissionRows } from './space-roles';
import { V2_PAGE, visibleSpace } from './spaces';

const assignments: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}/permissions',
  family: 'v2',
  scopes: SCOPES.spaceRead,
  doc: `${DOCS.v2SpacePermissions}#api-spaces-id-permissions-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    const page = readV2Page(ctx.query, V2_PAGE);
    const results = [
      ...ctx.site.permissions(space.id).map((p) => ({
        id: p.id,
        principal: { type: p.subject.type, id: p.subject.id },
        operation: { key: p.operation.key, targetType: p.operation.target },
      })),
      // On roles sites the list also holds what roles grant, access classes included.
      ...roleDerivedPermissionRows(ctx, space.id),
    ];
    const out = v2Page(results, page, ctx);
    return json(200, out.body, out.headers);
  },
};

const operations: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}/operations',
  family: 'v2',
  scopes: SCOPES.spaceRead,
  doc: `${DOCS.v2Operation}#api-spaces-id-operations-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    return json(200, { operations: ctx.site.callerOperations(ctx.caller, space.id).map(v1Operation) });
  },
};

export const spacePermissionRoutes: Route[] = [assignments, operations];
