import { PEOPLE_SEARCH_LIMIT, SearchPeoplePayload, type PeopleSearchResult } from '../contract/people-search';
import { searchPeopleAsUser } from '../confluence/people-search';
import { spaceFunction } from './gate';

/**
 * searchPeople {query}: the script forms' people picker (Bulk Delete
 * Comments' authors). Searched as the caller; choosing a person grants
 * nothing, the script's own checks still decide per comment.
 */
export const searchPeople = spaceFunction(SearchPeoplePayload, async ({ query }): Promise<PeopleSearchResult> => ({
  people: await searchPeopleAsUser(query, PEOPLE_SEARCH_LIMIT),
}));
