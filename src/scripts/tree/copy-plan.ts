/**
 * Copy Page Tree, planned. Pure: the titles the copies will get, which of
 * them clash with pages already in the destination space (Confluence renames
 * those: titles are unique in a space), and the preview's items.
 */
import type { PreviewItem } from '../../contract/scripts';
import type { TreeNode } from './order';

/**
 * Confluence's own copy dialog proposes "Copy of …" in the same space, and
 * the copy endpoint needs `titleOptions` there (v1 "Copy page hierarchy":
 * CopyPageHierarchyTitleOptions, "Required for copying page in the same
 * space"): without a prefix of the person's own, this one is used.
 */
export const SAME_SPACE_PREFIX = 'Copy of ';

export interface CopyTitlePlan {
  /** The prefix the run sends (the person's, or SAME_SPACE_PREFIX). */
  prefix: string;
  /** Source page id -> the title its copy is planned to get. */
  titles: Map<string, string>;
  /** Pages whose planned title is already taken in the destination space. */
  clashes: TreeNode[];
}

export function planTitles(
  nodes: readonly TreeNode[],
  options: { titlePrefix?: string; sameSpace: boolean; destinationTitles: ReadonlySet<string> },
): CopyTitlePlan {
  const given = options.titlePrefix ?? '';
  const prefix = given === '' && options.sameSpace ? SAME_SPACE_PREFIX : given;
  const taken = new Set([...options.destinationTitles].map((t) => t.toLowerCase()));
  const titles = new Map<string, string>();
  const clashes: TreeNode[] = [];
  for (const n of nodes) {
    const title = prefix + n.title;
    titles.set(n.id, title);
    // Confluence compares titles case-insensitively within a space (a guess, docs/local-confluence.md).
    if (taken.has(title.toLowerCase())) clashes.push(n);
    taken.add(title.toLowerCase());
  }
  return { prefix, titles, clashes };
}

export function copyPreviewItems(
  nodes: readonly TreeNode[],
  plan: CopyTitlePlan,
  destinationTitle: string,
  shown: number,
): PreviewItem[] {
  const clashing = new Set(plan.clashes.map((n) => n.id));
  return nodes.slice(0, shown).map((n) => ({
    id: n.id,
    kind: 'page',
    title: n.title,
    depth: n.depth,
    reason: n.depth === 0 ? 'the chosen page' : `descendant, ${n.depth} level${n.depth === 1 ? '' : 's'} down`,
    action:
      (n.depth === 0
        ? `copy under “${destinationTitle}” as “${plan.titles.get(n.id)}”`
        : `copy as “${plan.titles.get(n.id)}”`) +
      (clashing.has(n.id) ? ' (the title is taken: Confluence will rename it)' : ''),
  }));
}

export interface CopyOptions {
  copyAttachments?: boolean;
  copyLabels?: boolean;
  copyRestrictions?: boolean;
}

export function copySummary(
  nodes: readonly TreeNode[],
  destination: { title: string; spaceName: string },
  o: CopyOptions,
): string {
  const root = nodes[0];
  if (!root) return 'Nothing to copy.';
  const extras = [
    o.copyAttachments && 'attachments',
    o.copyLabels && 'labels',
    o.copyRestrictions && 'restrictions',
  ].filter((x): x is string => typeof x === 'string');
  const count = nodes.length;
  return (
    `Copies “${root.title}” and its ${count - 1} descendant page${count === 2 ? '' : 's'} (${count} in all, shape and order kept) ` +
    `under “${destination.title}” in ${destination.spaceName}` +
    (extras.length ? `, with their ${extras.join(', ')}.` : ', without attachments, labels or restrictions.')
  );
}

export function copyWarnings(plan: CopyTitlePlan, sameSpacePrefixUsed: boolean): string[] {
  const out: string[] = [];
  if (sameSpacePrefixUsed)
    out.push(`Copies in the same space need new titles: each copy's title starts with “${SAME_SPACE_PREFIX}”.`);
  if (plan.clashes.length)
    out.push(
      `${plan.clashes.length} planned title${plan.clashes.length === 1 ? ' is' : 's are'} already taken in the destination space ` +
        `(${plan.clashes
          .slice(0, 3)
          .map((n) => `“${plan.titles.get(n.id)}”`)
          .join(
            ', ',
          )}${plan.clashes.length > 3 ? ', …' : ''}): Confluence will rename ${plan.clashes.length === 1 ? 'it' : 'them'}.`,
    );
  return out;
}
