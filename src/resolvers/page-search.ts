import { PAGE_SEARCH_LIMIT, SearchPagesPayload, type PageSearchResult } from '../contract/page-search';
import { searchPagesAsUser } from '../confluence/page-search';
import { spaceFunction } from './gate';

/**
 * searchPages {query}: the script forms' page picker. Pages of the page's
 * own space (from Forge's context) whose title matches, searched as the
 * caller, so a page they cannot see is never offered. Choosing a page
 * grants nothing: previewScript and startScript decide again on the server.
 */
export const searchPages = spaceFunction(
  SearchPagesPayload,
  async ({ query }, { space }): Promise<PageSearchResult> => ({
    pages: await searchPagesAsUser(space.key, query, PAGE_SEARCH_LIMIT),
  }),
);
