import { route } from '@forge/api';
import { mustGetJson } from './client';
import { GroupPage, SpaceSearchPage, UserSearchPage } from './schemas';

import type { SubjectMatch } from '../contract/admin-page';

export type { SubjectMatch } from '../contract/admin-page';

const LIMIT = 25;

/** CQL string literals: escape backslashes and quotes. */
const cqlString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export async function searchUsers(query: string): Promise<SubjectMatch[]> {
  const cql = `user.fullname~${cqlString(query)}`;
  const page = await mustGetJson('user', route`/wiki/rest/api/search/user?cql=${cql}&limit=${LIMIT}`, UserSearchPage);
  return page.results.flatMap((r) =>
    r.user ? [{ type: 'user' as const, id: r.user.accountId, name: r.user.displayName }] : [],
  );
}

export async function searchGroups(query: string): Promise<SubjectMatch[]> {
  const page = await mustGetJson('user', route`/wiki/rest/api/group/picker?query=${query}&limit=${LIMIT}`, GroupPage);
  return page.results.map((g) => ({ type: 'group' as const, id: g.id, name: g.name }));
}

/**
 * Spaces for the rule picker, searched as the app: a Confluence admin sets
 * rules for every space, including ones they cannot read themselves. Only
 * resolvers that have checked the caller is a Confluence admin call this.
 */
export async function searchSpaces(query: string): Promise<SubjectMatch[]> {
  const cql = query.trim() === '' ? 'type=space' : `type=space AND title~${cqlString(query)}`;
  const page = await mustGetJson('app', route`/wiki/rest/api/search?cql=${cql}&limit=${LIMIT}`, SpaceSearchPage);
  return page.results.flatMap((r) =>
    r.space ? [{ type: 'space' as const, id: r.space.id, name: r.space.name, key: r.space.key }] : [],
  );
}
