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
      const note = notes.find((x) => x.pageTitle === n.title);
      return {
        itemId: n.id,
        title: n.title,
        reason: note?.text ?? 'Confluence did not delete it: it is restricted, or you may not delete it.',
      };
    });
}
