import { assumeTrustedRoute, route } from '@forge/api';
import { z } from 'zod';
import { getJson, mustGetJson } from './client';
import { UserV1 } from './schemas';

const UserBulk = z.object({ results: z.array(UserV1) });

/** Display names for up to 100 accountIds, in one call (as the app). Unknown ids are left out. */
export async function displayNames(accountIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)].slice(0, 100);
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  // route`` would escape the '&' and '=' of the repeated parameter; every id is encoded above.
  const page = await mustGetJson('app', assumeTrustedRoute(`/wiki/rest/api/user/bulk?${query}`), UserBulk);
  for (const user of page.results) names.set(user.accountId, user.displayName);
  return names;
}

/** A user by accountId, or undefined when Confluence knows no such user. */
export async function findUser(accountId: string): Promise<{ accountId: string; displayName: string } | undefined> {
  return getJson('app', route`/wiki/rest/api/user?accountId=${accountId}`, UserV1, { allowNotFound: true });
}
