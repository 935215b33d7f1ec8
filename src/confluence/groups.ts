import { route } from '@forge/api';
import { Actor, mustGetJson } from './client';
import { GroupPage } from './schemas';

export interface GroupRef {
  id: string;
  name: string;
}

/** Confluence's largest page for a user's groups. */
const PAGE_SIZE = 200;

/** Every group `accountId` belongs to, following every page. */
export async function groupsOfUser(accountId: string, actor: Actor): Promise<GroupRef[]> {
  const groups: GroupRef[] = [];
  for (let start = 0; ; start += PAGE_SIZE) {
    const page = await mustGetJson(
      actor,
      route`/wiki/rest/api/user/memberof?accountId=${accountId}&start=${start}&limit=${PAGE_SIZE}`,
      GroupPage,
    );
    for (const g of page.results) groups.push({ id: g.id, name: g.name });
    if (!page._links?.next || page.results.length === 0) return groups;
  }
}
