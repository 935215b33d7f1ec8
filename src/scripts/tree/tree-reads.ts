/**
 * The checks every tree script makes before it plans: the page is in this
 * space and the person may see it. Answers the tree in Confluence's order.
 */
import { findPage, PageSummary, treePages } from '../../confluence/page-tree';
import { TargetError } from '../targets';
import type { ScriptContext } from '../types';
import { TreeNode, treeOrder } from './order';

/** The largest tree a script plans; more is refused before any work (DESIGN section 6). */
export const MAX_TREE_PAGES = 10_000;

export async function readableRoot(ctx: ScriptContext, pageId: string, field: string): Promise<PageSummary> {
  const page = await findPage(pageId);
  const may = page ? await ctx.userMay(page.id, 'read') : undefined;
  if (!page || !may?.allowed) {
    throw new TargetError(`No page with id ${pageId} that you can see.`, field, 'NOT_FOUND');
  }
  return page;
}

export async function sourceTree(
  ctx: ScriptContext,
  pageId: string,
  field = 'input.pageId',
): Promise<{ root: PageSummary; nodes: TreeNode[] }> {
  const root = await readableRoot(ctx, pageId, field);
  if (root.spaceId !== ctx.scope.space.id) {
    throw new TargetError(
      `The page “${root.title}” is not in the space ${ctx.scope.space.key}: choose a page of this space.`,
      field,
      'BAD_REQUEST',
    );
  }
  const nodes = treeOrder(root.id, await treePages(root));
  if (nodes.length > MAX_TREE_PAGES) {
    throw new TargetError(
      `“${root.title}” has ${nodes.length} pages in its tree; the largest supported is ${MAX_TREE_PAGES}. Choose a page lower down.`,
      field,
      'BAD_REQUEST',
    );
  }
  return { root, nodes };
}

/** Depth in words for a summary: "3 levels deep". */
export const depthWords = (nodes: readonly TreeNode[]): string => {
  const deepest = nodes.reduce((d, n) => Math.max(d, n.depth), 0);
  return deepest === 0 ? 'no pages below it' : `${deepest} level${deepest === 1 ? '' : 's'} deep`;
};
