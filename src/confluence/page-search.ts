import { route } from '@forge/api';
import { z } from 'zod';
import type { PageOption } from '../contract/page-search';
import { mustGetJson } from './client';

/**
 * A v1 search result for content (SearchResult with v1 Content;
 * `expand=content.ancestors,content.space`: the expansions of the content
 * inside each result, named with the `content.` prefix).
 */
const ContentSearchPage = z.object({
  results: z.array(
    z.object({
      content: z
        .object({
          id: z.union([z.string(), z.number()]).transform(String),
          type: z.string(),
          title: z.string(),
          ancestors: z.array(z.object({ title: z.string() })).optional(),
          space: z.object({ key: z.string(), name: z.string() }).optional(),
        })
        .optional(),
    }),
  ),
});

/** CQL string literals: escape backslashes and quotes. */
const cqlString = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The CQL of a title search, in one space or (no key) in every space the caller can see. */
export function pageSearchCql(spaceKey: string | undefined, query: string): string {
  const text = query.trim();
  return (
    'type=page' +
    (spaceKey !== undefined ? ` AND space=${cqlString(spaceKey)}` : '') +
    (text ? ` AND title~${cqlString(text)}` : '') +
    ' ORDER BY title'
  );
}

/**
 * Current pages whose title matches, of one space or (`spaceKey`
 * undefined) of every space, searched AS THE USER (v1 "Search content by
 * CQL", GET /wiki/rest/api/search; scope search:confluence): Confluence
 * leaves out pages the user cannot see.
 */
export async function searchPagesAsUser(
  spaceKey: string | undefined,
  query: string,
  limit: number,
): Promise<PageOption[]> {
  const cql = pageSearchCql(spaceKey, query);
  const page = await mustGetJson(
    'user',
    route`/wiki/rest/api/search?cql=${cql}&limit=${limit}&expand=${'content.ancestors,content.space'}`,
    ContentSearchPage,
  );
  return page.results.flatMap(({ content }) =>
    content && content.type === 'page'
      ? [
          {
            id: content.id,
            title: content.title,
            ancestors: (content.ancestors ?? []).map((a) => a.title),
            ...(content.space ? { space: { key: content.space.key, name: content.space.name } } : {}),
          },
        ]
      : [],
  );
}

const PageTitles = z.object({
  results: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), title: z.string() })),
});

/**
 * Titles of up to 250 pages in one call, read AS THE USER (v2 "Get pages",
 * GET /wiki/api/v2/pages?id=…; scope read:page:confluence): a page the user
 * cannot see is left out, so no title they could not read is kept.
 */
export async function pageTitlesAsUser(pageIds: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const ids = [...new Set(pageIds)].slice(0, 250);
  if (ids.length === 0) return titles;
  const page = await mustGetJson('user', route`/wiki/api/v2/pages?id=${ids.join(',')}&limit=250`, PageTitles);
  for (const p of page.results) titles.set(p.id, p.title);
  return titles;
}
