// Space roles on the emulated site: the mode, the roles, who holds which role
// in a space, and what that grants. The Site asks this model for the
// permissions roles give (so canView, isSpaceAdmin and /operations count
// them); the role routes change assignments through `assign`.
import type { DirectoryRole, DirectoryRoleAssignment, PrincipalType, RoleMode } from './schema';
import { SYSTEM_ROLES } from './schema';

/** What the model needs of the site: its directory and who is in which group. */
export interface RoleSite {
  readonly directory: {
    roleMode?: RoleMode | undefined;
    roles?: DirectoryRole[] | undefined;
    users: { accountId: string; siteAdmin?: boolean | undefined }[];
    spaces: { id: string; roleAssignments?: DirectoryRoleAssignment[] | undefined }[];
  };
  groupsOf(accountId: string): { id: string }[];
}

export interface RolePrincipal {
  principalType: PrincipalType;
  principalId: string;
}

export interface RoleOperation {
  key: string;
  target: string;
}

/** One change to a space's role assignments, in order (tests read these). */
export interface RoleChange {
  spaceId: string;
  principal: RolePrincipal;
  fromRoleId?: string;
  toRoleId?: string;
}

export const parsePermission = (id: string): RoleOperation => {
  const [key = '', target = ''] = id.split('/');
  return { key, target };
};

const samePrincipal = (a: RolePrincipal, b: RolePrincipal): boolean =>
  a.principalType === b.principalType && a.principalId === b.principalId;

export class RoleModel {
  readonly changes: RoleChange[] = [];

  constructor(private readonly site: RoleSite) {}

  get mode(): RoleMode {
    return this.site.directory.roleMode ?? 'PRE_ROLES';
  }

  /** Roles exist on ROLES and ROLES_TRANSITION sites only. */
  get enabled(): boolean {
    return this.mode !== 'PRE_ROLES';
  }

  /** The fixture's roles, else Confluence's four system roles. */
  roles(): readonly DirectoryRole[] {
    if (!this.enabled) return [];
    const own = this.site.directory.roles ?? [];
    return own.length > 0 ? own : SYSTEM_ROLES;
  }

  role(id: string): DirectoryRole | undefined {
    return this.roles().find((r) => r.id === id);
  }

  assignments(spaceId: string): DirectoryRoleAssignment[] {
    if (!this.enabled) return [];
    return this.site.directory.spaces.find((s) => s.id === spaceId)?.roleAssignments ?? [];
  }

  roleOf(spaceId: string, principal: RolePrincipal): string | undefined {
    return this.assignments(spaceId).find((a) => samePrincipal(a.principal, principal))?.roleId;
  }

  /**
   * Does an access class include this user? Every fixture user is signed in
   * and licensed; product admins are the Confluence admins; the fixture has
   * no JSM projects.
   */
  private inAccessClass(accountId: string | undefined, accessClass: string): boolean {
    if (accessClass === 'anonymous-users') return true;
    if (accountId === undefined) return false;
    if (accessClass === 'authenticated-users' || accessClass === 'all-licensed-users') return true;
    if (accessClass === 'all-product-admins')
      return this.site.directory.users.some((u) => u.accountId === accountId && u.siteAdmin === true);
    return false;
  }

  /** Does this assignment's principal cover the user (directly, through a group, or an access class)? */
  covers(principal: RolePrincipal, accountId: string | undefined): boolean {
    if (principal.principalType === 'ACCESS_CLASS') return this.inAccessClass(accountId, principal.principalId);
    if (accountId === undefined) return false;
    if (principal.principalType === 'USER') return principal.principalId === accountId;
    return this.site.groupsOf(accountId).some((g) => g.id === principal.principalId);
  }

  /** The permissions the user holds in the space through roles (once each). */
  operationsOf(accountId: string | undefined, spaceId: string): RoleOperation[] {
    const out = new Map<string, RoleOperation>();
    for (const a of this.assignments(spaceId)) {
      if (!this.covers(a.principal, accountId)) continue;
      for (const id of this.role(a.roleId)?.spacePermissions ?? []) out.set(id, parsePermission(id));
    }
    return [...out.values()];
  }

  /**
   * Sets or removes (roleId undefined) one principal's role in a space; a
   * principal holds at most one role per space, so a new role replaces the
   * old one. Answers whether anything changed.
   */
  assign(spaceId: string, principal: RolePrincipal, roleId: string | undefined): boolean {
    const space = this.site.directory.spaces.find((s) => s.id === spaceId);
    if (!space) throw new Error(`no space with id ${spaceId}`);
    const list = (space.roleAssignments ??= []);
    const index = list.findIndex((a) => samePrincipal(a.principal, principal));
    const fromRoleId = index >= 0 ? list[index]?.roleId : undefined;
    if (fromRoleId === roleId) return false;
    if (index >= 0) list.splice(index, 1);
    if (roleId !== undefined) list.push({ principal: { ...principal }, roleId });
    this.changes.push({
      spaceId,
      principal: { ...principal },
      ...(fromRoleId ? { fromRoleId } : {}),
      ...(roleId ? { toRoleId: roleId } : {}),
    });
    return true;
  }
}
