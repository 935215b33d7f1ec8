/**
 * A space's pages as a tree, in the order Confluence shows them: a page,
 * then each of its children (in their order under it) with their own
 * descendants. Pure: the three tree scripts (Delete Page Tree, Copy Page
 * Tree, Copy Space) plan from it, and Copy Space recreates pages in this
 * order so that every parent exists before its children and siblings keep
 * their order.
 */

/** What the planning needs of a page (v2 `GET /pages` or `/descendants` fields). */
export interface TreePage {
  id: string;
  title: string;
  /** Null or absent for a page at the top of the space. */
  parentId?: string | null;
  /** v2 `childPosition`: order among siblings; pages without one keep their listing order. */
  position?: number;
}

export interface TreeNode {
  id: string;
  title: string;
  /** The parent inside the planned tree; null for the root (or a top-level page of a space). */
  parentId: string | null;
  /** 0 for the root, 1 for its children, … */
  depth: number;
}

/** Children of every page, each list in sibling order (position, then listing order). */
function childrenIndex(pages: readonly TreePage[]): Map<string | null, TreePage[]> {
  const index = new Map<string | null, { page: TreePage; at: number }[]>();
  const known = new Set(pages.map((p) => p.id));
  pages.forEach((page, at) => {
    // A parent that is not among the pages (trashed, restricted, another space) makes it a root.
    const parent = page.parentId && known.has(page.parentId) ? page.parentId : null;
    const list = index.get(parent) ?? [];
    list.push({ page, at });
    index.set(parent, list);
  });
  const sorted = new Map<string | null, TreePage[]>();
  for (const [parent, list] of index) {
    list.sort((a, b) => (a.page.position ?? a.at) - (b.page.position ?? b.at) || a.at - b.at);
    sorted.set(
      parent,
      list.map((e) => e.page),
    );
  }
  return sorted;
}

/** Depth-first, without recursion (a 2,000-page chain must not overflow the stack), never visiting a page twice. */
function walk(
  roots: readonly TreePage[],
  children: Map<string | null, TreePage[]>,
  seen: Set<string>,
  out: TreeNode[],
): void {
  const stack: { page: TreePage; parentId: string | null; depth: number }[] = [...roots]
    .reverse()
    .map((page) => ({ page, parentId: null, depth: 0 }));
  while (stack.length > 0) {
    const { page, parentId, depth } = stack.pop()!;
    if (seen.has(page.id)) continue;
    seen.add(page.id);
    out.push({ id: page.id, title: page.title, parentId, depth });
    const kids = children.get(page.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ page: kids[i]!, parentId: page.id, depth: depth + 1 });
  }
}

/**
 * The page `rootId` and every descendant among `pages`, root first. Empty
 * when the root is not among them.
 */
export function treeOrder(rootId: string, pages: readonly TreePage[]): TreeNode[] {
  const root = pages.find((p) => p.id === rootId);
  if (!root) return [];
  const out: TreeNode[] = [];
  walk([root], childrenIndex(pages), new Set(), out);
  return out;
}

/**
 * Every page of a space: the home page's tree first, then the other
 * top-level trees in their order (Confluence lets pages sit beside the
 * home page). Their roots have depth 0 and no parent.
 */
export function spaceOrder(homepageId: string | undefined, pages: readonly TreePage[]): TreeNode[] {
  const children = childrenIndex(pages);
  const tops = children.get(null) ?? [];
  const home = tops.find((p) => p.id === homepageId);
  const roots = home ? [home, ...tops.filter((p) => p !== home)] : tops;
  const out: TreeNode[] = [];
  walk(roots, children, new Set(), out);
  return out;
}

/** How many pages sit at each depth (index = depth): what a preview says about a tree's shape. */
export function depthCounts(nodes: readonly TreeNode[]): number[] {
  const counts: number[] = [];
  for (const n of nodes) counts[n.depth] = (counts[n.depth] ?? 0) + 1;
  return counts;
}

/** Is `candidateId` the root or a descendant of it? (A tree cannot be copied under itself.) */
export const isInTree = (nodes: readonly TreeNode[], candidateId: string): boolean =>
  nodes.some((n) => n.id === candidateId);
