import { route } from '@forge/api';
import { z } from 'zod';
import type { PageOption } from '../contract/page-search';
import { mustGetJson } from './client';

/** A v1 search result for content (SearchResult with v1 Content; `expand=content.ancestors`). */
const ContentSearchPage = z.object({
  results: z.array(
    z.object({
      content: z
        .object({
          id: z.union([z.string(), z.number()]).transform(String),
          type: z.string(),
          title: z.string(),
          ancestors: z.array(z.object({ title: z.string() })).optional(),
        })
        .optional(),
    }),
  ),
});

/** CQL string literals: escape backslashes and quotes. */
const cqlString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Current pages of one space whose title matches, searched AS THE USER
 * (v1 "Search content by CQL", GET /wiki/rest/api/search; scope
 * search:confluence): Confluence leaves out pages the user cannot see.
 */
export async function searchPagesAsUser(spaceKey: string, query: string, limit: number): Promise<PageOption[]> {
  const text = query.trim();
  const cql =
    `type=page AND space=${cqlString(spaceKey)}` + (text ? ` AND title~${cqlString(text)}` : '') + ' ORDER BY title';
  const page = await mustGetJson(
    'user',
    route`/wiki/rest/api/search?cql=${cql}&limit=${limit}&expand=${'content.ancestors'}`,
    ContentSearchPage,
  );
  return page.results.flatMap(({ content }) =>
    content && content.type === 'page'
      ? [{ id: content.id, title: content.title, ancestors: (content.ancestors ?? []).map((a) => a.title) }]
      : [],
  );
}
