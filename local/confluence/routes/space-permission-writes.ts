// v1 Space permissions (writes):
//   POST   /wiki/rest/api/space/{spaceKey}/permission       add a permission
//   DELETE /wiki/rest/api/space/{spaceKey}/permission/{id}  remove a permission
// The reference: "Apps cannot access this REST resource - including when
// utilizing user impersonation." and "Permissions required: 'Admin'
// permission for the space." Removing read/space removes every permission
// of that subject in the space (documented on DELETE).
import { z } from 'zod';
import { ApiError, badRequest, json, notFound } from '../http';
import type { Route, RouteContext } from '../router';
import type { DirectorySpace } from '../schema';
import type { Operation, PermissionAssignment } from '../site';
import { DOCS, SCOPES } from './docs';

/** The key/target pairs the endpoint accepts (reference: SpacePermissionRequest). */
export const GRANTABLE: readonly Operation[] = [
  { key: 'read', target: 'space' },
  ...(['page', 'blogpost', 'comment', 'attachment'] as const).map((target) => ({ key: 'create' as const, target })),
  ...(['page', 'blogpost', 'comment', 'attachment', 'space'] as const).map((target) => ({
    key: 'delete' as const,
    target,
  })),
  { key: 'export', target: 'space' },
  { key: 'administer', target: 'space' },
  { key: 'restrict_content', target: 'space' },
  { key: 'archive', target: 'page' },
];

/** What a roles-only site answers a v1 permission write (the exception's name, then its message). */
export const ROLES_ONLY_REFUSAL =
  'com.atlassian.confluence.api.service.exceptions.InvalidRbacOperationException: Space permission updates that are not from RBAC are not supported in roles-only mode';

const RequestBody = z.object({
  subject: z.object({ type: z.enum(['user', 'group']), identifier: z.string().min(1) }),
  operation: z.object({ key: z.string(), target: z.string() }),
  _links: z.unknown().optional(),
});

/** The space by key, for a user who administers it; app callers are refused as the reference says. */
function adminSpace(ctx: RouteContext): DirectorySpace {
  if (ctx.caller.kind === 'app') {
    throw new ApiError(403, 'Apps cannot access this REST resource - including when utilizing user impersonation.');
  }
  // Roles-only sites refuse every individual permission write (DESIGN section 9).
  if (ctx.site.roles.mode === 'ROLES') throw badRequest(ROLES_ONLY_REFUSAL);
  const space = ctx.site.spaceByKey(ctx.params.spaceKey ?? '');
  if (!space || !ctx.site.canView(ctx.caller, space.id))
    throw notFound(`No space with key : ${ctx.params.spaceKey ?? ''}`);
  if (ctx.caller.kind !== 'user' || !ctx.site.isSpaceAdmin(ctx.caller.accountId, space.id)) {
    throw new ApiError(403, `User not permitted to administer space: ${space.key}`);
  }
  return space;
}

const isRead = (op: Operation): boolean => op.key === 'read' && op.target === 'space';
const isAdmin = (op: Operation): boolean => op.key === 'administer' && op.target === 'space';

function permissionJson(ctx: RouteContext, space: DirectorySpace, p: PermissionAssignment) {
  return {
    id: Number(p.id),
    subject: { type: p.subject.type, identifier: p.subject.id },
    operation: { key: p.operation.key, target: p.operation.target },
    _links: { self: `${ctx.baseUrl}/wiki/rest/api/space/${space.key}/permission/${p.id}`, base: `${ctx.baseUrl}/wiki` },
  };
}

const add: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/space/{spaceKey}/permission',
  family: 'v1',
  scopes: SCOPES.spacePermissionWrite,
  doc: `${DOCS.v1SpacePermissions}#api-wiki-rest-api-space-spacekey-permission-post`,
  handle(ctx) {
    const space = adminSpace(ctx);
    let raw: unknown;
    try {
      raw = JSON.parse(ctx.req.body ?? '');
    } catch {
      throw badRequest('The request body is not valid JSON.');
    }
    const parsed = RequestBody.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`Invalid permission: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim());
    }
    const { subject, operation } = parsed.data;
    const op = GRANTABLE.find((o) => o.key === operation.key && o.target === operation.target);
    if (!op)
      throw badRequest(`Invalid operation: ${operation.key} ${operation.target} is not a valid space permission.`);
    const resolved =
      subject.type === 'user'
        ? ctx.site.user(subject.identifier)?.accountId
        : (ctx.site.group(subject.identifier) ?? ctx.site.groupByName(subject.identifier))?.id;
    if (!resolved) throw badRequest(`No ${subject.type} found with identifier ${subject.identifier}.`);
    const held = ctx.site
      .permissions(space.id)
      .filter((p) => p.subject.type === subject.type && p.subject.id === resolved);
    if (held.some((p) => p.operation.key === op.key && p.operation.target === op.target)) {
      throw badRequest(`Permission already exists.`);
    }
    if (!isRead(op) && !held.some((p) => isRead(p.operation))) {
      throw badRequest(
        `Read space permission must be granted to the ${subject.type} before any other space permission.`,
      );
    }
    const created = ctx.site.grant(space.id, { type: subject.type, id: resolved }, op);
    return json(200, permissionJson(ctx, space, created));
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: '/wiki/rest/api/space/{spaceKey}/permission/{id}',
  family: 'v1',
  scopes: SCOPES.spacePermissionWrite,
  doc: `${DOCS.v1SpacePermissions}#api-wiki-rest-api-space-spacekey-permission-id-delete`,
  handle(ctx) {
    const space = adminSpace(ctx);
    const rawId = ctx.params.id ?? '';
    if (!/^[0-9]{1,18}$/.test(rawId)) throw badRequest(`Permission id must be a number: ${rawId}`);
    const all = ctx.site.permissions(space.id);
    const target = all.find((p) => p.id === String(BigInt(rawId)));
    if (!target) throw notFound(`No permission with id ${rawId} in space ${space.key}`);
    // Removing read/space removes every permission of that subject in the space.
    const removing = isRead(target.operation)
      ? all.filter((p) => p.subject.type === target.subject.type && p.subject.id === target.subject.id)
      : [target];
    const adminsLeft = all.filter((p) => isAdmin(p.operation) && !removing.includes(p));
    if (removing.some((p) => isAdmin(p.operation)) && adminsLeft.length === 0) {
      throw badRequest(
        'Cannot remove the last admin permission of the space: grant administer/space to someone else first.',
      );
    }
    for (const p of removing) ctx.site.revoke(space.id, p.id);
    return { status: 204, headers: {}, body: '' };
  },
};

export const spacePermissionWriteRoutes: Route[] = [add, remove];
