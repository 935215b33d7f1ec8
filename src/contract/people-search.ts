/**
 * `searchPeople` (module `space-settings`): the people picker of the script
 * forms (Bulk Delete Comments' authors). People whose name matches,
 * searched as the caller.
 */
import { z } from 'zod';

export const PEOPLE_SEARCH_LIMIT = 20;

export const SearchPeoplePayload = z.strictObject({
  /** Part of the person's name; empty finds nobody (Confluence's user search needs a term). */
  query: z.string().max(200, 'must be at most 200 characters').default(''),
});
export type SearchPeoplePayload = z.infer<typeof SearchPeoplePayload>;

export const PersonOption = z.object({ accountId: z.string(), displayName: z.string() });
export type PersonOption = z.infer<typeof PersonOption>;

export const PeopleSearchResult = z.object({ people: z.array(PersonOption) });
export type PeopleSearchResult = z.infer<typeof PeopleSearchResult>;
