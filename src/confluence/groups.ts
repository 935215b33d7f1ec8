import { route } from '@forge/api';
import { Actor, mustGetJson } from './client';
import { GroupPage } from './schemas';

export interface GroupRef {
  id: string;
  name: string;
}

/** The page size asked for; Confluence may answer fewer ("restricted by fixed system limits"). */
const PAGE_SIZE = 200;

/**
 * Every group `accountId` belongs to, following every page. The next page
 * starts after what Confluence actually returned (its `start` plus the
 * results it sent), not after the size asked for: a site that caps the page
 * lower would otherwise make the app skip groups.
 */
export async function groupsOfUser(accountId: string, actor: Actor): Promise<GroupRef[]> {
  const groups: GroupRef[] = [];
  let start = 0;
  for (;;) {
    const page = await mustGetJson(
      actor,
      route`/wiki/rest/api/user/memberof?accountId=${accountId}&start=${start}&limit=${PAGE_SIZE}`,
      GroupPage,
    );
    for (const g of page.results) groups.push({ id: g.id, name: g.name });
    if (!page._links?.next || page.results.length === 0) return groups;
    start = (page.start ?? start) + page.results.length;
  }
}
