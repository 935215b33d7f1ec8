// v2 Space Roles (DESIGN section 9):
//   GET  /wiki/api/v2/space-role-mode                 the site's mode
//   GET  /wiki/api/v2/space-roles                     the site's roles (cursor paged)
//   GET  /wiki/api/v2/spaces/{id}/role-assignments    who holds which role in a space (cursor paged)
//   POST /wiki/api/v2/spaces/{id}/role-assignments    set or remove roles; each entry stands alone
// Parameters, limits (1..250, default 25), answers and scopes from the
// reference page and its OpenAPI document. Where the reference is silent
// (the error texts, what PRE_ROLES sites answer, the "grant what you have"
// refusal) the choice is marked in docs/local-confluence.md as a guess.
import { z } from 'zod';
import { ApiError, badRequest, json, notFound } from '../http';
import { readV2Page, v2Page, wikiBase } from '../paging';
import { enumParam } from '../query';
import type { Route, RouteContext } from '../router';
import { isKnownOperation } from '../schema';
import { parsePermission, type RolePrincipal } from '../roles/model';
import { ACCESS_CLASSES, PRINCIPAL_TYPES, type DirectoryRole } from '../roles/schema';
import { DOCS, SCOPES } from './docs';
import { spaceIdParam, V2_PAGE, visibleSpace } from './spaces';

/** The reference: "413 Returned if the request is too large in size (over 5 MB)". */
export const MAX_ROLE_ASSIGNMENT_BODY_BYTES = 5 * 1024 * 1024;

const ROLE_TYPES = ['SYSTEM', 'CUSTOM'] as const;

function requireRoles(ctx: RouteContext): void {
  if (!ctx.site.roles.enabled)
    throw badRequest('Space roles are not available on this site: its space role mode is PRE_ROLES.');
}

/** `principal-id` and `principal-type` come together or not at all (the reference says so for both). */
function principalFilter(ctx: RouteContext): RolePrincipal | undefined {
  const id = ctx.query.get('principal-id');
  const type = enumParam(ctx.query, 'principal-type', PRINCIPAL_TYPES);
  if ((id === null || id === '') !== (type === undefined))
    throw badRequest("'principal-id' and 'principal-type' must be given together.");
  return type && id ? { principalType: type, principalId: id } : undefined;
}

const roleJson = (role: DirectoryRole) => ({
  id: role.id,
  type: role.type,
  name: role.name,
  description: role.description,
  spacePermissions: [...role.spacePermissions],
});

const mode: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/space-role-mode',
  family: 'v2',
  scopes: SCOPES.roleMode,
  doc: `${DOCS.v2SpaceRoles}#api-space-role-mode-get`,
  handle(ctx) {
    return json(200, { mode: ctx.site.roles.mode });
  },
};

const roles: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/space-roles',
  family: 'v2',
  scopes: SCOPES.spacePermissionRead,
  doc: `${DOCS.v2SpaceRoles}#api-space-roles-get`,
  handle(ctx) {
    requireRoles(ctx);
    const rawSpaceId = ctx.query.get('space-id');
    const spaceId = rawSpaceId ? visibleSpace(ctx, spaceIdParam(rawSpaceId, 'space-id')).id : undefined;
    const roleType = enumParam(ctx.query, 'role-type', ROLE_TYPES);
    const principal = principalFilter(ctx);
    const page = readV2Page(ctx.query, V2_PAGE);
    const held = (role: DirectoryRole): boolean => {
      if (!principal) return true;
      const spaces = spaceId ? [spaceId] : ctx.site.spaces().map((s) => s.id);
      return spaces.some((id) => ctx.site.roles.roleOf(id, principal) === role.id);
    };
    const results = ctx.site.roles
      .roles()
      .filter((r) => roleType === undefined || r.type === roleType)
      .filter(held)
      .map(roleJson);
    const out = v2Page(results, page, ctx);
    return json(200, out.body, out.headers);
  },
};

const listAssignments: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/spaces/{id}/role-assignments',
  family: 'v2',
  scopes: SCOPES.spacePermissionRead,
  doc: `${DOCS.v2SpaceRoles}#api-spaces-id-role-assignments-get`,
  handle(ctx) {
    const space = visibleSpace(ctx, ctx.params.id);
    requireRoles(ctx);
    const roleId = ctx.query.get('role-id') || undefined;
    const roleType = enumParam(ctx.query, 'role-type', ROLE_TYPES);
    const principal = principalFilter(ctx);
    const page = readV2Page(ctx.query, V2_PAGE);
    const results = ctx.site.roles
      .assignments(space.id)
      .filter((a) => roleId === undefined || a.roleId === roleId)
      .filter((a) => roleType === undefined || ctx.site.roles.role(a.roleId)?.type === roleType)
      .filter(
        (a) =>
          !principal ||
          (a.principal.principalType === principal.principalType && a.principal.principalId === principal.principalId),
      )
      .map((a) => ({ principal: { ...a.principal }, roleId: a.roleId }));
    const out = v2Page(results, page, ctx);
    return json(200, out.body, out.headers);
  },
};

const Entry = z.object({
  principal: z.object({ principalType: z.enum(PRINCIPAL_TYPES), principalId: z.string().min(1) }),
  roleId: z.string().min(1).optional(),
});
const Body = z.array(Entry).min(1, 'must hold at least one assignment');

function parseBody(ctx: RouteContext): z.infer<typeof Body> {
  const text = ctx.req.body ?? '';
  if (Buffer.byteLength(text, 'utf8') > MAX_ROLE_ASSIGNMENT_BODY_BYTES)
    throw new ApiError(413, 'The request is too large (over 5 MB).');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const parsed = Body.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`Invalid role assignment: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/**
 * Checks every entry before changing anything, so a refused request changes
 * nothing ("200 when the update succeeds in its entirety"). A user who is
 * not a Confluence admin needs administer/space in the space ("permission to
 * manage roles"; else 404, as the reference says) and may only assign a role
 * whose permissions they hold there themselves.
 */
const setAssignments: Route = {
  method: 'POST',
  pattern: '/wiki/api/v2/spaces/{id}/role-assignments',
  family: 'v2',
  scopes: SCOPES.roleAssignmentWrite,
  doc: `${DOCS.v2SpaceRoles}#api-spaces-id-role-assignments-post`,
  handle(ctx) {
    const id = spaceIdParam(ctx.params.id);
    const space = ctx.site.space(id);
    const caller = ctx.caller;
    const siteAdmin = caller.kind === 'user' && ctx.site.isSiteAdmin(caller.accountId);
    const manages =
      caller.kind === 'user' &&
      (siteAdmin || (ctx.site.canView(caller, id) && ctx.site.isSpaceAdmin(caller.accountId, id)));
    if (!space || !manages) throw notFound(`No space found with id ${id}, or you may not set roles in it.`);
    requireRoles(ctx);
    const entries = parseBody(ctx);
    const seen = new Set<string>();
    const held = caller.kind === 'user' ? ctx.site.operationsOf(caller.accountId, id) : [];
    entries.forEach((entry, i) => {
      const { principalType, principalId } = entry.principal;
      const key = `${principalType}:${principalId}`;
      if (seen.has(key)) throw badRequest(`[${i}].principal: ${key} appears twice in one request.`);
      seen.add(key);
      const known =
        principalType === 'USER'
          ? ctx.site.user(principalId)
          : principalType === 'GROUP'
            ? ctx.site.group(principalId)
            : (ACCESS_CLASSES as readonly string[]).includes(principalId);
      if (!known) throw badRequest(`[${i}].principal: no ${principalType.toLowerCase()} with id ${principalId}.`);
      if (entry.roleId === undefined) return;
      const role = ctx.site.roles.role(entry.roleId);
      if (!role) throw badRequest(`[${i}].roleId: no space role with id ${entry.roleId}.`);
      if (siteAdmin) return;
      const missing = role.spacePermissions
        .map(parsePermission)
        .filter((op) => !held.some((h) => h.key === op.key && h.target === op.target));
      if (missing.length > 0) {
        throw badRequest(
          `You cannot assign the role ${role.name}: it grants space permissions you do not have yourself (${missing
            .map((op) => `${op.key}/${op.target}`)
            .join(', ')}). Only a Confluence admin can assign it.`,
        );
      }
    });
    for (const entry of entries) ctx.site.roles.assign(id, entry.principal, entry.roleId);
    const results = entries.map((entry) => ({
      principal: { ...entry.principal },
      ...(ctx.site.roles.roleOf(id, entry.principal) ? { roleId: ctx.site.roles.roleOf(id, entry.principal) } : {}),
    }));
    return json(200, { results, _links: { base: wikiBase(ctx) } });
  },
};

/**
 * The rows roles add to GET /spaces/{id}/permissions: one per permission of
 * each assigned role, under the principal holding it (`access_class` for
 * access classes). Ids are generated from the assignment's place, so they
 * are stable while the assignments are. The exact shape Confluence uses for
 * these rows is a guess (docs/local-confluence.md).
 */
export function roleDerivedPermissionRows(ctx: RouteContext, spaceId: string) {
  return ctx.site.roles.assignments(spaceId).flatMap((a, ai) =>
    (ctx.site.roles.role(a.roleId)?.spacePermissions ?? [])
      .map(parsePermission)
      .filter(isKnownOperation)
      .map((op, pi) => ({
        id: String(900_000_000 + ai * 100 + pi),
        principal: { type: a.principal.principalType.toLowerCase(), id: a.principal.principalId },
        operation: { key: op.key, targetType: op.target },
      })),
  );
}

export const spaceRoleRoutes: Route[] = [mode, roles, listAssignments, setAssignments];
