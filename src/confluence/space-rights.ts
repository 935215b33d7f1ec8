/**
 * What a user may do in a space and on the site, asked as the app (a run's
 * consumer has no user to ask as). v2 "Space permissions"
 * (`GET /spaces/{id}/permissions`, which also lists what roles grant) with
 * the user's groups; v1 "Get user" with `expand=operations` for the Create
 * Space(s) global permission. Scopes: read:space.permission:confluence,
 * read:user:confluence, read:group:confluence.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { appGet } from './send';
import { groupsOfUser } from './groups';
import { spaceAssignments } from './space-permissions';

/** Does the user hold `operation` in the space, directly or through a group? */
export async function userHoldsInSpace(
  spaceId: string,
  accountId: string,
  operation: { key: string; target: string },
): Promise<boolean> {
  const [assignments, groups] = await Promise.all([spaceAssignments(spaceId), groupsOfUser(accountId, 'app')]);
  const groupIds = new Set(groups.map((g) => g.id));
  return assignments.some(
    (a) =>
      a.operation.key === operation.key &&
      a.operation.target === operation.target &&
      ((a.subject.type === 'user' && a.subject.id === accountId) ||
        (a.subject.type === 'group' && groupIds.has(a.subject.id))),
  );
}

const UserWithOperations = z.object({
  accountId: z.string(),
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() })).optional(),
});

/**
 * May the user create spaces? Confluence admins may; others need the
 * Create Space(s) global permission, listed as create/space among their
 * operations (a guess at how Cloud shows it: docs/local-confluence.md).
 */
export async function userMayCreateSpaces(accountId: string): Promise<boolean> {
  const user = await appGet(route`/wiki/rest/api/user?accountId=${accountId}&expand=operations`, UserWithOperations, {
    allowNotFound: true,
  });
  return (user?.operations ?? []).some(
    (o) =>
      (o.operation === 'create' && o.targetType === 'space') ||
      (o.operation === 'administer' && o.targetType === 'application'),
  );
}
