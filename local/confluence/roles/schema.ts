// The fixture's space roles (DESIGN sections 5 and 9): the site's `roleMode`,
// its `roles`, and each space's `roleAssignments`. Kept apart from
// ../schema.ts, which only wires these in.
import { z } from 'zod';

/** GET /wiki/api/v2/space-role-mode answers one of these. */
export const ROLE_MODES = ['PRE_ROLES', 'ROLES_TRANSITION', 'ROLES'] as const;
export type RoleMode = (typeof ROLE_MODES)[number];

export const PRINCIPAL_TYPES = ['USER', 'GROUP', 'ACCESS_CLASS'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

/** Access classes the reference lists for `principal-type=ACCESS_CLASS`. */
export const ACCESS_CLASSES = [
  'anonymous-users',
  'jsm-project-admins',
  'authenticated-users',
  'all-licensed-users',
  'all-product-admins',
] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];

/** "read/space": how the v2 role endpoints name a space permission. */
const PERMISSION_ID = /^[a-z_]+\/[a-zA-Z_]+$/;

export const roleSchema = z.strictObject({
  id: z.string().trim().min(1, 'must not be empty'),
  name: z.string().trim().min(1, 'must not be empty'),
  type: z.enum(['SYSTEM', 'CUSTOM']).default('CUSTOM'),
  description: z.string().default(''),
  spacePermissions: z.array(z.string().regex(PERMISSION_ID, 'must look like "read/space"')).default([]),
});
export type DirectoryRole = z.output<typeof roleSchema>;

export const roleAssignmentSchema = z.strictObject({
  principal: z.strictObject({
    principalType: z.enum(PRINCIPAL_TYPES),
    principalId: z.string().trim().min(1, 'must not be empty'),
  }),
  roleId: z.string().trim().min(1, 'must not be empty'),
});
export type DirectoryRoleAssignment = z.output<typeof roleAssignmentSchema>;

const COLLABORATOR = ['read/space', 'create/page', 'create/blogpost', 'create/comment', 'create/attachment'];
const MANAGER = [
  ...COLLABORATOR,
  'delete/page',
  'delete/blogpost',
  'delete/comment',
  'delete/attachment',
  'archive/page',
  'export/space',
  'restrict_content/space',
];

/**
 * Confluence's four system roles, provided when a roles fixture names none.
 * Their ids are opaque strings, as on a real site (ids differ per site, so
 * the app resolves them at run time); the permission sets are plausible
 * guesses, not Atlassian's published lists.
 */
export const SYSTEM_ROLES: readonly DirectoryRole[] = [
  {
    id: '7f0c5a52-0001-4c1e-9a11-5a1e00000001',
    name: 'Admin',
    type: 'SYSTEM',
    description: 'Manage the space and everything in it.',
    spacePermissions: [...MANAGER, 'administer/space', 'delete/space'],
  },
  {
    id: '7f0c5a52-0002-4c1e-9a11-5a1e00000002',
    name: 'Manager',
    type: 'SYSTEM',
    description: 'Create, edit, archive and delete content.',
    spacePermissions: MANAGER,
  },
  {
    id: '7f0c5a52-0003-4c1e-9a11-5a1e00000003',
    name: 'Collaborator',
    type: 'SYSTEM',
    description: 'Create and edit content, comment.',
    spacePermissions: COLLABORATOR,
  },
  {
    id: '7f0c5a52-0004-4c1e-9a11-5a1e00000004',
    name: 'Viewer',
    type: 'SYSTEM',
    description: 'View content.',
    spacePermissions: ['read/space'],
  },
];

type Issue = (path: (string | number)[], message: string) => void;

interface RoleFixture {
  roleMode?: RoleMode | undefined;
  roles?: DirectoryRole[] | undefined;
  spaces: { roleAssignments?: DirectoryRoleAssignment[] | undefined }[];
}

/** Cross-field checks: known roles and principals, one role per principal and space, roles only on roles sites. */
export function checkRoles(
  dir: RoleFixture,
  known: { users: Set<string>; groups: Set<string>; isOperation: (op: { key: string; target: string }) => boolean },
  issue: Issue,
): void {
  const mode = dir.roleMode ?? 'PRE_ROLES';
  const roleIds = new Set<string>();
  (dir.roles ?? []).forEach((role, i) => {
    if (roleIds.has(role.id)) issue(['roles', i, 'id'], `duplicate role id "${role.id}"`);
    roleIds.add(role.id);
    role.spacePermissions.forEach((id, pi) => {
      const [key = '', target = ''] = id.split('/');
      if (!known.isOperation({ key, target }))
        issue(['roles', i, 'spacePermissions', pi], `"${id}" is not a space permission`);
    });
  });
  if (mode === 'PRE_ROLES' && (dir.roles ?? []).length > 0)
    issue(['roles'], 'roles need "roleMode": "ROLES" or "ROLES_TRANSITION"');
  const available = dir.roles && dir.roles.length > 0 ? roleIds : new Set(SYSTEM_ROLES.map((r) => r.id));
  dir.spaces.forEach((space, si) => {
    const assignments = space.roleAssignments ?? [];
    if (mode === 'PRE_ROLES' && assignments.length > 0)
      issue(['spaces', si, 'roleAssignments'], 'role assignments need "roleMode": "ROLES" or "ROLES_TRANSITION"');
    const principals = new Set<string>();
    assignments.forEach((a, ai) => {
      const path = ['spaces', si, 'roleAssignments', ai];
      const { principalType, principalId } = a.principal;
      const key = `${principalType}:${principalId}`;
      if (principals.has(key)) issue([...path, 'principal'], `${key} already has a role in this space`);
      principals.add(key);
      if (!available.has(a.roleId)) issue([...path, 'roleId'], `no role with id "${a.roleId}"`);
      const exists =
        principalType === 'USER'
          ? known.users.has(principalId)
          : principalType === 'GROUP'
            ? known.groups.has(principalId)
            : (ACCESS_CLASSES as readonly string[]).includes(principalId);
      if (!exists) issue([...path, 'principal', 'principalId'], `no ${principalType.toLowerCase()} "${principalId}"`);
    });
  });
}
