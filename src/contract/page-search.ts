/**
 * `searchPages` (module `space-settings`): the page picker of the script
 * forms. Pages whose title matches, of the page's own space or (`anySpace`,
 * for Copy Page Tree's destination) of every space, searched as the caller,
 * so a page they cannot see is never offered.
 */
import { z } from 'zod';

export const PAGE_SEARCH_LIMIT = 20;

export const SearchPagesPayload = z.strictObject({
  /** Words of the title; empty lists the space's pages (the first PAGE_SEARCH_LIMIT). */
  query: z.string().max(200, 'must be at most 200 characters').default(''),
  /** Search every space the caller can see, not only the page's own; each match then names its space. */
  anySpace: z.literal(true).optional(),
});
export type SearchPagesPayload = z.infer<typeof SearchPagesPayload>;

export const PageOption = z.object({
  id: z.string(),
  title: z.string(),
  /** The titles above it, root first, so two pages of the same title can be told apart. */
  ancestors: z.array(z.string()).optional(),
  /** The space it lives in (given for `anySpace` searches, where matches come from several spaces). */
  space: z.object({ key: z.string(), name: z.string() }).optional(),
});
export type PageOption = z.infer<typeof PageOption>;

export const PageSearchResult = z.object({ pages: z.array(PageOption) });
export type PageSearchResult = z.infer<typeof PageSearchResult>;
