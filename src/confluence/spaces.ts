import { route } from '@forge/api';
import { Actor, getJson, mustGetJson, nextCursor } from './client';
import { PermittedOperations, SpacePageV2, SpacePermissionPageV2 } from './schemas';
import { ADMINISTER_SPACE, fetchRoleMode, listRoles, spaceRoleAssignments } from './roles';
import type { RoleMode } from '../contract/permission-changes';

export interface SpaceRef {
  id: string;
  key: string;
  name: string;
}

/** A space by key, or undefined when it does not exist or the actor cannot see it. */
export async function findSpaceByKey(key: string, actor: Actor): Promise<SpaceRef | undefined> {
  const page = await mustGetJson(actor, route`/wiki/api/v2/spaces?keys=${key}&limit=1`, SpacePageV2);
  return page.results.find((s) => s.key === key);
}

const isAdministerSpace = (op: { operation?: string; key?: string; targetType: string }) =>
  (op.operation ?? op.key) === 'administer' && op.targetType === 'space';

/**
 * Does the calling user administer the space? Asked as that user, from
 * their own operations in it (one call). A space they cannot see is no.
 */
export async function callerAdministersSpace(spaceId: string): Promise<boolean> {
  const answer = await getJson('user', route`/wiki/api/v2/spaces/${spaceId}/operations`, PermittedOperations, {
    allowNotFound: true,
  });
  return (answer?.operations ?? []).some(isAdministerSpace);
}

/**
 * Access classes every signed-in, licensed user belongs to (v2 reference:
 * `principal-type=ACCESS_CLASS`). `all-product-admins` and
 * `jsm-project-admins` are left out: the app cannot tell who is in them
 * from what it reads, so it never counts them (no one is made eligible by a
 * guess).
 */
export const ACCESS_CLASSES_OF_EVERY_USER: ReadonlySet<string> = new Set([
  'anonymous-users',
  'authenticated-users',
  'all-licensed-users',
]);

/** Does this v2 principal (a permission row's or a role assignment's) cover the user? */
function covers(type: string, id: string | null | undefined, accountId: string, groups: ReadonlySet<string>): boolean {
  if (!id) return false;
  const t = type.toLowerCase();
  if (t === 'user') return id === accountId;
  if (t === 'group') return groups.has(id);
  if (t === 'access_class') return ACCESS_CLASSES_OF_EVERY_USER.has(id);
  return false;
}

/** The space's permission rows (every page) say the user holds administer/space. */
async function adminByPermissionRows(
  spaceId: string,
  accountId: string,
  groups: ReadonlySet<string>,
): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustGetJson(
          'app',
          route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250&cursor=${cursor}`,
          SpacePermissionPageV2,
        )
      : await mustGetJson('app', route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250`, SpacePermissionPageV2);
    for (const assignment of page.results) {
      if (!isAdministerSpace(assignment.operation)) continue;
      if (covers(assignment.principal.type, assignment.principal.id, accountId, groups)) return true;
    }
    cursor = nextCursor(page._links);
  } while (cursor);
  return false;
}

/** A role the user holds in the space (directly, through a group or an access class) grants administer/space. */
async function adminByRole(spaceId: string, accountId: string, groups: ReadonlySet<string>): Promise<boolean> {
  const [assignments, roles] = await Promise.all([spaceRoleAssignments(spaceId), listRoles()]);
  const adminRoles = new Set(roles.filter((r) => r.spacePermissions.includes(ADMINISTER_SPACE)).map((r) => r.id));
  return assignments.some(
    (a) =>
      a.roleId !== undefined &&
      adminRoles.has(a.roleId) &&
      covers(a.principal.principalType, a.principal.principalId, accountId, groups),
  );
}

/**
 * Does `accountId` administer the space: hold administer/space directly,
 * through one of `groupIds`, or (on a roles site) through a role or an
 * access class? Read as the app. The permission rows come first (they list
 * role-derived rows too), so an admin found there costs nothing more; only
 * otherwise, and only on roles sites, are the role assignments read as well,
 * so the answer does not depend on how Confluence lists those rows.
 * `roleMode` answers the site's mode (a resolver passes its cached one);
 * without it the mode is asked of Confluence.
 */
export async function userAdministersSpace(
  spaceId: string,
  accountId: string,
  groupIds: readonly string[],
  roleMode: () => Promise<RoleMode> = fetchRoleMode,
): Promise<boolean> {
  const groups = new Set(groupIds);
  if (await adminByPermissionRows(spaceId, accountId, groups)) return true;
  if ((await roleMode()) === 'PRE_ROLES') return false;
  return adminByRole(spaceId, accountId, groups);
}

export type { Actor };
