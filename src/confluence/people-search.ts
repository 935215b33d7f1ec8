import { route } from '@forge/api';
import type { PersonOption } from '../contract/people-search';
import { mustGetJson } from './client';
import { UserSearchPage } from './schemas';

/** CQL string literals: escape backslashes and quotes. */
const cqlString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The CQL of a name search (`user.fullname` is only accepted by the user search endpoint). */
export function peopleSearchCql(query: string): string {
  return `type=user AND user.fullname~${cqlString(query.trim())}`;
}

/**
 * People whose name matches, searched AS THE USER (v1 "Search users",
 * GET /wiki/rest/api/search/user; scope read:confluence-user): the caller
 * sees whom Confluence lets them find. An empty query asks nothing.
 */
export async function searchPeopleAsUser(query: string, limit: number): Promise<PersonOption[]> {
  if (query.trim() === '') return [];
  const cql = peopleSearchCql(query);
  const page = await mustGetJson('user', route`/wiki/rest/api/search/user?cql=${cql}&limit=${limit}`, UserSearchPage);
  return page.results.flatMap(({ user }) =>
    user ? [{ accountId: user.accountId, displayName: user.displayName }] : [],
  );
}
