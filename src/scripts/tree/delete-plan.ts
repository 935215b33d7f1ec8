/**
 * Delete Page Tree, planned. Pure: the preview's items from the tree as it
 * is, and after the long task, which pages were not deleted and why.
 */
import type { PreviewItem, RunFailure } from '../../contract/scripts';
import type { TaskNote } from './long-task-words';
import type { TreeNode } from './order';

export const deleteAction = 'move to the trash';

export function deletePreviewItems(nodes: readonly TreeNode[], shown: number): PreviewItem[] {
  return nodes.slice(0, shown).map((n) => ({
    id: n.id,
    kind: 'page',
    title: n.title,
    depth: n.depth,
    reason: n.depth === 0 ? 'the chosen page' : `descendant, ${n.depth} level${n.depth === 1 ? '' : 's'} down`,
    action: deleteAction,
  }));
}

export function deleteSummary(nodes: readonly TreeNode[]): string {
  const root = nodes[0];
  if (!root) return 'Nothing to delete.';
  const descendants = nodes.length - 1;
  return (
    `Moves “${root.title}” and its ${descendants} descendant page${descendants === 1 ? '' : 's'} to the trash. ` +
    'A space admin can restore them from the trash until it is purged.'
  );
}

/**
 * One failure per planned page that is still current once the task has
 * finished, with the reason Confluence gave for it when a message names its
 * title, else the likely one (restrictions).
 */
export function deleteFailures(
  planned: readonly TreeNode[],
  stillCurrent: ReadonlySet<string>,
  notes: readonly TaskNote[],
): RunFailure[] {
  return planned
    .filter((n) => stillCurrent.has(n.id))
    .map((n) => {
      const note = notes.find((x) => x.kind !== 'status' && (x.args.includes(n.id) || x.pageTitle === n.title));
      return {
        itemId: n.id,
        title: n.title,
        reason: note?.text ?? 'Confluence did not delete it: it is restricted, or you may not delete it.',
      };
    });
}

/** What the run does with one page of the tree. */
export type PageDeletion =
  /** Deleted by the long task started on `root` (itself, or the top of its clean subtree). */
  | { kind: 'in-task'; root: string }
  /** The person may not delete it: it stays. */
  | { kind: 'refused'; reason: string }
  /** It stays because a page below it stays (deleting it would delete that page too). */
  | { kind: 'kept'; below: string };

/**
 * Splits the tree into the largest subtrees the person may delete whole
 * (`DELETE …/pageTree` deletes every descendant, so it may only start where
 * nothing below is refused). Usually that is the root alone: one long task.
 */
export function planDeletion(
  nodes: readonly TreeNode[],
  refused: ReadonlyMap<string, string>,
): Map<string, PageDeletion> {
  const children = new Map<string, TreeNode[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  // Post-order from the pre-order list: a node's first refused page at or below it.
  const firstRefusedBelow = new Map<string, string | undefined>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    let found = refused.has(n.id) ? n.title : undefined;
    for (const c of children.get(n.id) ?? []) found ??= firstRefusedBelow.get(c.id);
    firstRefusedBelow.set(n.id, found);
  }
  const out = new Map<string, PageDeletion>();
  for (const n of nodes) {
    const reason = refused.get(n.id);
    if (reason !== undefined) out.set(n.id, { kind: 'refused', reason });
    else if (firstRefusedBelow.get(n.id) !== undefined)
      out.set(n.id, { kind: 'kept', below: firstRefusedBelow.get(n.id)! });
    else {
      const parent = n.parentId === null ? undefined : out.get(n.parentId);
      out.set(n.id, { kind: 'in-task', root: parent?.kind === 'in-task' ? parent.root : n.id });
    }
  }
  return out;
}
