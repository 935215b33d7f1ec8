import type { InputNames, RunAuditPage } from '../contract/scripts';
import { pageTitlesAsUser } from '../confluence/page-search';
import { displayNames } from '../confluence/users';
import { idsInInput } from '../scripts/input-ids';

const asRecord = (map: Map<string, string>): Record<string, string> | undefined =>
  map.size > 0 ? Object.fromEntries(map) : undefined;

/**
 * The names of the ids in a run's input, looked up once when it starts:
 * page titles as the starter (one v2 call), display names as the app (one
 * bulk call), in parallel. Names are a courtesy: a lookup that fails
 * leaves the ids, and the run starts all the same.
 */
export async function inputNamesOf(input: Record<string, unknown>): Promise<InputNames | undefined> {
  const { pageIds, accountIds } = idsInInput(input);
  const none = new Map<string, string>();
  const [pages, people] = await Promise.all([
    pageIds.length > 0 ? pageTitlesAsUser(pageIds).catch(() => none) : none,
    accountIds.length > 0 ? displayNames(accountIds).catch(() => none) : none,
  ]);
  const names: InputNames = {
    ...(asRecord(pages) ? { pages: asRecord(pages) } : {}),
    ...(asRecord(people) ? { people: asRecord(people) } : {}),
  };
  return names.pages || names.people ? names : undefined;
}

/**
 * An audit page with the display names of everyone it names (who started
 * or ended a run, authors in inputs), in one bulk call for the page. A
 * failed lookup leaves the account ids.
 */
export async function withPeopleNamed(page: RunAuditPage): Promise<RunAuditPage> {
  const ids = page.entries.flatMap((e) => [e.by.accountId, ...(e.input ? idsInInput(e.input).accountIds : [])]);
  if (ids.length === 0) return page;
  const names = await displayNames(ids).catch(() => new Map<string, string>());
  return names.size > 0 ? { ...page, people: Object.fromEntries(names) } : page;
}
