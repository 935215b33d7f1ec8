import { PAGE_SEARCH_LIMIT, SearchPagesPayload, type PageSearchResult } from '../contract/page-search';
import { searchPagesAsUser } from '../confluence/page-search';
import { spaceFunction } from './gate';

/**
 * searchPages {query, anySpace?}: the script forms' page picker. Pages of
 * the page's own space (from Forge's context), or of every space with
 * `anySpace` (Copy Page Tree's destination), whose title matches, searched
 * as the caller, so a page they cannot see is never offered. Choosing a
 * page grants nothing: previewScript and startScript decide again on the
 * server (for a destination: that the caller may create pages there).
 */
export const searchPages = spaceFunction(
  SearchPagesPayload,
  async ({ query, anySpace }, { space }): Promise<PageSearchResult> => ({
    pages: await searchPagesAsUser(anySpace ? undefined : space.key, query, PAGE_SEARCH_LIMIT),
  }),
);
