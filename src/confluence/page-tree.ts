/**
 * Reads of a space's page tree, as the app (the scripts check the user's
 * own permission on what they act on). v2 "Page" and "Descendants"
 * reference: pages carry `parentId` and `position`, descendants `depth` and
 * `childPosition`; `depth` goes at most 5 levels, so a deeper tree is read
 * from the space's page list instead. Scope: read:page:confluence
 * (descendants: read:hierarchical-content:confluence).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { nextCursor } from './client';
import { appGet, mustAppGet } from './send';
import { V2Links } from './schemas';

/** A page as the tree planning needs it (src/scripts/tree/order.ts TreePage has the same shape). */
export interface TreePage {
  id: string;
  title: string;
  parentId?: string | null;
  position?: number;
}

const Id = z.union([z.string(), z.number()]).transform(String);

const PageV2 = z.object({
  id: Id,
  title: z.string(),
  status: z.string(),
  spaceId: Id,
  parentId: Id.nullable().optional(),
  position: z.number().nullable().optional(),
});
export type PageSummary = z.infer<typeof PageV2>;
const PageListV2 = z.object({ results: z.array(PageV2), _links: V2Links });

const DescendantV2 = z.object({
  id: Id,
  title: z.string(),
  status: z.string().optional(),
  type: z.string().optional(),
  parentId: Id.nullable().optional(),
  depth: z.number(),
  childPosition: z.number().nullable().optional(),
});
const DescendantListV2 = z.object({ results: z.array(DescendantV2), _links: V2Links });

const SpaceV2 = z.object({ id: Id, key: z.string(), name: z.string(), homepageId: Id.nullable().optional() });
export type SpaceSummary = z.infer<typeof SpaceV2>;

/** Deepest level one descendants call answers (v2 reference: depth max 5). */
export const DESCENDANT_MAX_DEPTH = 5;

/** A current page, or undefined when it is not there (trashed pages answer 404 without `status=trashed`). */
export async function findPage(pageId: string): Promise<PageSummary | undefined> {
  return appGet(route`/wiki/api/v2/pages/${pageId}`, PageV2, { allowNotFound: true });
}

export async function findSpaceById(spaceId: string): Promise<SpaceSummary | undefined> {
  return appGet(route`/wiki/api/v2/spaces/${spaceId}`, SpaceV2, { allowNotFound: true });
}

export async function findSpaceByKeyWithHome(key: string): Promise<SpaceSummary | undefined> {
  const page = await mustAppGet(
    route`/wiki/api/v2/spaces?keys=${key}&limit=1`,
    z.object({ results: z.array(SpaceV2) }),
  );
  return page.results.find((s) => s.key.toUpperCase() === key.toUpperCase());
}

const toTreePage = (p: {
  id: string;
  title: string;
  parentId?: string | null;
  position?: number | null;
}): TreePage => ({
  id: p.id,
  title: p.title,
  parentId: p.parentId ?? null,
  ...(typeof p.position === 'number' ? { position: p.position } : {}),
});

/** Every current page of a space (250 a call). */
export async function spacePages(spaceId: string): Promise<TreePage[]> {
  const out: TreePage[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustAppGet(route`/wiki/api/v2/spaces/${spaceId}/pages?limit=250&cursor=${cursor}`, PageListV2)
      : await mustAppGet(route`/wiki/api/v2/spaces/${spaceId}/pages?limit=250`, PageListV2);
    out.push(...page.results.filter((p) => p.status === 'current').map(toTreePage));
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

/**
 * The page and its current descendants as TreePages: one descendants walk
 * (250 a call); when it reaches the depth limit, the space's page list,
 * which has every level.
 */
export async function treePages(root: PageSummary): Promise<TreePage[]> {
  const out: TreePage[] = [toTreePage({ ...root, parentId: null })];
  let deepest = 0;
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustAppGet(
          route`/wiki/api/v2/pages/${root.id}/descendants?limit=250&depth=${String(DESCENDANT_MAX_DEPTH)}&cursor=${cursor}`,
          DescendantListV2,
        )
      : await mustAppGet(
          route`/wiki/api/v2/pages/${root.id}/descendants?limit=250&depth=${String(DESCENDANT_MAX_DEPTH)}`,
          DescendantListV2,
        );
    for (const d of page.results) {
      if ((d.type ?? 'page') !== 'page' || (d.status ?? 'current') !== 'current') continue;
      deepest = Math.max(deepest, d.depth);
      out.push(toTreePage({ ...d, position: d.childPosition }));
    }
    cursor = nextCursor(page._links);
  } while (cursor);
  if (deepest < DESCENDANT_MAX_DEPTH) return out;
  return spacePages(root.spaceId);
}

/** Which of these pages (at most 250) are still current: one call (v2 `GET /pages?id=…&status=current`). */
export async function currentPageIds(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const list = await mustAppGet(
    route`/wiki/api/v2/pages?id=${ids.join(',')}&status=current&limit=250`,
    z.object({ results: z.array(z.object({ id: Id })) }),
  );
  return new Set(list.results.map((p) => p.id));
}
