/**
 * `searchPages` (module `space-settings`): the page picker of the script
 * forms. Pages of the page's own space whose title matches, searched as the
 * caller, so a page they cannot see is never offered.
 */
import { z } from 'zod';

export const PAGE_SEARCH_LIMIT = 20;

export const SearchPagesPayload = z.strictObject({
  /** Words of the title; empty lists the space's pages (the first PAGE_SEARCH_LIMIT). */
  query: z.string().max(200, 'must be at most 200 characters').default(''),
});
export type SearchPagesPayload = z.infer<typeof SearchPagesPayload>;

export const PageOption = z.object({
  id: z.string(),
  title: z.string(),
  /** The titles above it, root first, so two pages of the same title can be told apart. */
  ancestors: z.array(z.string()).optional(),
});
export type PageOption = z.infer<typeof PageOption>;

export const PageSearchResult = z.object({ pages: z.array(PageOption) });
export type PageSearchResult = z.infer<typeof PageSearchResult>;
