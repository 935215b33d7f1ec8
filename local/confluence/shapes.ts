// JSON shapes of users, groups and spaces, as the Confluence reference shows them.
import type { DirectoryGroup, DirectorySpace } from './schema';
import type { Operation } from './site';

export interface ShapeContext {
  /** e.g. "http://127.0.0.1:8000" */
  baseUrl: string;
}

const DEFAULT_CREATED_AT = '2024-01-15T09:00:00.000Z';

export interface V1Operation {
  operation: string;
  targetType: string;
}

export const v1Operation = (op: Operation): V1Operation => ({ operation: op.key, targetType: op.target });

function profilePicture(accountId: string): { path: string; width: number; height: number; isDefault: boolean } {
  return { path: `/wiki/aa-avatar/${encodeURIComponent(accountId)}`, width: 48, height: 48, isDefault: true };
}

export interface UserLike {
  accountId: string;
  displayName: string;
  email?: string;
  timeZone?: string | undefined;
}

/** v1 User ("known"), with `operations` only when expanded. */
export function userJson(
  ctx: ShapeContext,
  user: UserLike,
  opts: { accountType?: 'atlassian' | 'app'; operations?: V1Operation[] } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'known',
    accountId: user.accountId,
    accountType: opts.accountType ?? 'atlassian',
    email: user.email ?? '',
    publicName: user.displayName,
    profilePicture: profilePicture(user.accountId),
    displayName: user.displayName,
    timeZone: user.timeZone ?? 'Etc/UTC',
    externalCollaborator: false,
    isExternalCollaborator: false,
    isGuest: false,
  };
  const expandable: Record<string, string> = { personalSpace: '' };
  if (opts.operations) out.operations = opts.operations;
  else expandable.operations = '';
  out._expandable = expandable;
  out._links = {
    self: `${ctx.baseUrl}/wiki/rest/api/user?accountId=${encodeURIComponent(user.accountId)}`,
    base: `${ctx.baseUrl}/wiki`,
    context: '/wiki',
  };
  return out;
}

/** v1 UserAnonymous. */
export function anonymousUserJson(ctx: ShapeContext, operations?: V1Operation[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'anonymous',
    profilePicture: {
      path: '/wiki/s/local/_/images/icons/profilepics/anonymous.svg',
      width: 48,
      height: 48,
      isDefault: true,
    },
    displayName: 'Anonymous',
    isExternalCollaborator: false,
  };
  if (operations) out.operations = operations;
  else out._expandable = { operations: '' };
  out._links = { base: `${ctx.baseUrl}/wiki`, context: '/wiki' };
  return out;
}

/** v1 Group. */
export function groupJson(ctx: ShapeContext, group: DirectoryGroup): Record<string, unknown> {
  return {
    type: 'group',
    name: group.name,
    id: group.id,
    _links: { self: `${ctx.baseUrl}/wiki/rest/api/group/by-id?id=${encodeURIComponent(group.id)}` },
  };
}

export function spaceCreatedAt(space: DirectorySpace): string {
  return space.createdAt ?? DEFAULT_CREATED_AT;
}

export function spaceHomepageId(space: DirectorySpace): string {
  return space.homepageId ?? `${space.id}0001`;
}

/** v2 Space (SpaceBulk / SpaceSingle without the optional includes). */
export function v2SpaceJson(space: DirectorySpace, authorId: string): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    authorId: space.authorId ?? authorId,
    createdAt: spaceCreatedAt(space),
    homepageId: spaceHomepageId(space),
    currentActiveAlias: space.key,
    _links: { webui: `/spaces/${space.key}` },
  };
}

/** v1 Space, the summary a search result carries. */
export function v1SpaceJson(ctx: ShapeContext, space: DirectorySpace): Record<string, unknown> {
  return {
    id: Number(space.id),
    key: space.key,
    alias: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    _expandable: {
      settings: `/rest/api/space/${space.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${space.key}`,
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: `/rest/api/space/${space.key}/theme`,
      history: '',
      homepage: `/rest/api/content/${spaceHomepageId(space)}`,
    },
    _links: {
      webui: `/spaces/${space.key}`,
      self: `${ctx.baseUrl}/wiki/rest/api/space/${space.key}`,
    },
  };
}
