import { route } from '@forge/api';
import { Actor, getJson, mustGetJson, nextCursor } from './client';
import { PermittedOperations, SpacePageV2, SpacePermissionPageV2 } from './schemas';

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
 * Does `accountId` administer the space, directly or through one of
 * `groupIds`? Read as the app from the space's permission assignments,
 * every page.
 */
export async function userAdministersSpace(
  spaceId: string,
  accountId: string,
  groupIds: readonly string[],
): Promise<boolean> {
  const groups = new Set(groupIds);
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
      const { type, id } = assignment.principal;
      if (type === 'user' && id === accountId) return true;
      if (type === 'group' && id && groups.has(id)) return true;
    }
    cursor = nextCursor(page._links);
  } while (cursor);
  return false;
}

export type { Actor };
