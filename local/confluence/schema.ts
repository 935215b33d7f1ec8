// The site fixture (README "Site fixture", docs/local-confluence.md): users, groups, spaces and their
// permission assignments. Validated with zod; every error names the field.
import { z } from 'zod';
import { blogpostSchema, checkContent, pageSchema } from './content/schema';

/** Operation keys Confluence uses in space permissions (v1 SpacePermissionV2, v2 SpacePermissionAssignment). */
export const OPERATION_KEYS = [
  'administer',
  'archive',
  'copy',
  'create',
  'delete',
  'export',
  'move',
  'purge',
  'purge_version',
  'read',
  'restore',
  'restrict_content',
  'update',
  'use',
] as const;

/** Target types Confluence uses in space permissions. */
export const TARGET_TYPES = [
  'application',
  'attachment',
  'blogpost',
  'comment',
  'custom_content',
  'database',
  'embed',
  'folder',
  'page',
  'space',
  'userProfile',
  'whiteboard',
] as const;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const userSchema = z.strictObject({
  accountId: nonEmpty,
  displayName: nonEmpty,
  email: z.email('must be an email address'),
  apiToken: nonEmpty,
  siteAdmin: z.boolean().default(false),
  /** May create spaces (v1 POST /space); Confluence admins always may. */
  canCreateSpace: z.boolean().optional(),
  timeZone: z.string().optional(),
});

const groupSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  members: z.array(nonEmpty).default([]),
});

const permissionSchema = z.strictObject({
  /** Numeric string, as on a real site; assigned on load when absent. */
  id: z
    .string()
    .regex(/^[0-9]+$/, 'must be a numeric string')
    .optional(),
  subject: z.strictObject({
    type: z.enum(['user', 'group']),
    id: nonEmpty,
  }),
  operation: z.strictObject({
    key: z.enum(OPERATION_KEYS),
    target: z.enum(TARGET_TYPES),
  }),
});

export const spaceSchema = z.strictObject({
  /** v2 space ids are integers; the path parameter is typed integer. */
  id: z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer in a string, like "1001"'),
  key: z.string().regex(/^[A-Za-z0-9]{1,255}$/, 'must be letters and digits only, like "MKT"'),
  name: nonEmpty,
  type: z.enum(['global', 'personal', 'collaboration', 'knowledge_base']).default('global'),
  status: z.enum(['current', 'archived']).default('current'),
  authorId: z.string().optional(),
  createdAt: z.iso.datetime({ message: 'must be an ISO 8601 date-time' }).optional(),
  homepageId: z
    .string()
    .regex(/^[0-9]+$/, 'must be a numeric string')
    .optional(),
  permissions: z.array(permissionSchema).default([]),
  /** The space's content (local/confluence/content/schema.ts). */
  pages: z.array(pageSchema).default([]),
  blogposts: z.array(blogpostSchema).default([]),
});

const appSchema = z.strictObject({
  accountId: nonEmpty,
  displayName: nonEmpty,
});

export const DEFAULT_APP_USER = {
  accountId: '557058:forge-app-local',
  displayName: 'Space Admin Script Permissions (app)',
} as const;

export const siteDirectorySchema = z
  .strictObject({
    users: z.array(userSchema),
    groups: z.array(groupSchema).default([]),
    spaces: z.array(spaceSchema).default([]),
    /** The app's own user, answered by /user/current when the app calls as itself. */
    app: appSchema.optional(),
  })
  .superRefine((dir, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const seen = (
      values: string[],
      path: (i: number) => (string | number)[],
      what: string,
      fold = false,
    ): Set<string> => {
      const set = new Set<string>();
      values.forEach((raw, i) => {
        const v = fold ? raw.toLowerCase() : raw;
        if (set.has(v)) issue(path(i), `duplicate ${what} "${raw}"`);
        set.add(v);
      });
      return set;
    };
    const userIds = seen(
      dir.users.map((u) => u.accountId),
      (i) => ['users', i, 'accountId'],
      'accountId',
    );
    seen(
      dir.users.map((u) => u.email),
      (i) => ['users', i, 'email'],
      'email',
      true,
    );
    const groupIds = seen(
      dir.groups.map((g) => g.id),
      (i) => ['groups', i, 'id'],
      'group id',
    );
    seen(
      dir.groups.map((g) => g.name),
      (i) => ['groups', i, 'name'],
      'group name',
      true,
    );
    seen(
      dir.spaces.map((s) => s.id),
      (i) => ['spaces', i, 'id'],
      'space id',
    );
    seen(
      dir.spaces.map((s) => s.key),
      (i) => ['spaces', i, 'key'],
      'space key',
      true,
    );
    const permIds: string[] = [];
    const permPaths: (string | number)[][] = [];

    dir.groups.forEach((g, gi) => {
      g.members.forEach((m, mi) => {
        if (!userIds.has(m)) issue(['groups', gi, 'members', mi], `no user with accountId "${m}"`);
      });
    });
    dir.spaces.forEach((s, si) => {
      s.permissions.forEach((p, pi) => {
        const known = p.subject.type === 'user' ? userIds : groupIds;
        if (!known.has(p.subject.id)) {
          issue(
            ['spaces', si, 'permissions', pi, 'subject', 'id'],
            `no ${p.subject.type === 'user' ? 'user with accountId' : 'group with id'} "${p.subject.id}"`,
          );
        }
        if (p.id !== undefined) {
          permIds.push(p.id);
          permPaths.push(['spaces', si, 'permissions', pi, 'id']);
        }
      });
    });
    seen(permIds, (i) => permPaths[i] ?? ['spaces'], 'permission id');
    checkContent(dir.spaces, { users: userIds, groups: groupIds }, issue);
  });

/** The fixture as written (defaults not yet applied). */
export type SiteDirectoryInput = z.input<typeof siteDirectorySchema>;
/** The fixture after validation: what the emulator and the host read. */
export type SiteDirectory = z.output<typeof siteDirectorySchema>;
export type DirectoryUser = SiteDirectory['users'][number];
export type DirectoryGroup = SiteDirectory['groups'][number];
export type DirectorySpace = SiteDirectory['spaces'][number];
export type DirectoryPermission = DirectorySpace['permissions'][number];
export type OperationKey = (typeof OPERATION_KEYS)[number];
export type TargetType = (typeof TARGET_TYPES)[number];

export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
}

/** "spaces[0].permissions[2].subject.id" */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** Validate a parsed fixture; throws DirectoryError listing each bad field. */
export function parseDirectory(data: unknown, source = 'site directory'): SiteDirectory {
  const result = siteDirectorySchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${formatPath(i.path)}: ${i.message}`);
  throw new DirectoryError(`Invalid site directory (${source}):\n${lines.join('\n')}`);
}
