/**
 * Delete Page Tree: moves a page and every descendant to the trash.
 *
 * Preview: the tree as it is (count, titles, depth). A run's first
 * `discover` reads the tree once, checks the person's delete permission on
 * every page (the calls are the app's, so the person's own right is asked
 * first), and starts `DELETE /wiki/rest/api/content/{id}/pageTree` (a long
 * task) on each largest subtree they may delete whole: usually the root
 * alone. Task ids are saved in the run's scratch before anything else, and
 * deleting again is harmless, so a consumer that dies here is safe.
 * Later `discover` calls follow the tasks and hand out each page once its
 * fate is known: trashed (done), or still there when its task has ended
 * (failed, with Confluence's reason), so the run's progress follows the
 * tasks page by page.
 */
import { startDeletePageTree } from '../confluence/long-tasks';
import { currentPageIds } from '../confluence/page-tree';
import { DeletePageTreeInput, PREVIEW_ITEMS_SHOWN } from '../contract/scripts';
import { deleteFailures, deletePreviewItems, deleteSummary, PageDeletion, planDeletion } from './tree/delete-plan';
import { TaskNote } from './tree/long-task-words';
import { ListCursor, loadItemPage, mapLimit, needScratch, saveItemPages } from './tree/run-support';
import { pollUntil, taskView } from './tree/task-watch';
import { depthWords, sourceTree } from './tree/tree-reads';
import { TargetError } from './targets';
import type { ItemOutcome, JsonObject, RunScratch, ScriptModule, WorkItem } from './types';

const LIST = 'del';
const PAGE_SIZE = 100;
const CHECKS_AT_ONCE = 8;
const TASKS_KEY = 'tasks';

interface VerifyCursor extends ListCursor {
  /** Ids of the current list page already handed out. */
  handed: string[];
  /** Pages in the tree: every answer repeats it (the engine shows the latest total). */
  total: number;
}

type Verdict = { outcome: 'done' } | { outcome: 'failed'; reason: string };

const reasonFor = (plan: PageDeletion, item: WorkItem, notes: readonly TaskNote[]): string => {
  if (plan.kind === 'refused') return `You may not delete it: ${plan.reason}`;
  if (plan.kind === 'kept')
    return `Kept: “${plan.below}” below it may not be deleted by you, and deleting this page would take it along.`;
  return deleteFailures(
    [{ id: item.id, title: item.title ?? item.id, parentId: null, depth: 0 }],
    new Set([item.id]),
    notes,
  )[0]!.reason;
};

/** The next items whose fate is known, from the current list page. */
async function settledItems(runId: string | undefined, scratch: RunScratch, cursor: VerifyCursor) {
  const handed = new Set(cursor.handed);
  const open = (await loadItemPage(scratch, LIST, cursor.page)).filter((i) => !handed.has(i.id));
  const taskIds = (await scratch.get<Record<string, string>>(TASKS_KEY)) ?? {};
  return pollUntil(async () => {
    const views = new Map(
      await Promise.all(Object.entries(taskIds).map(async ([root, id]) => [root, await taskView(runId, id)] as const)),
    );
    const inTask = open.filter((i) => (i.data as unknown as PageDeletion).kind === 'in-task');
    const current = await currentPageIds(inTask.map((i) => i.id));
    const out: WorkItem[] = [];
    for (const item of open) {
      const plan = item.data as unknown as PageDeletion;
      if (plan.kind !== 'in-task') {
        out.push({ ...item, data: { outcome: 'failed', reason: reasonFor(plan, item, []) } });
        continue;
      }
      if (!current.has(item.id)) {
        out.push({ ...item, data: { outcome: 'done' } });
        continue;
      }
      const view = views.get(plan.root);
      // A task Confluence no longer knows has ended as far as this page is concerned.
      if (!view || view.finished)
        out.push({ ...item, data: { outcome: 'failed', reason: reasonFor(plan, item, view?.notes ?? []) } });
    }
    return { items: out, settled: out.length === open.length };
  });
}

export const deletePageTree: ScriptModule<typeof DeletePageTreeInput> = {
  key: 'delete-page-tree',
  input: DeletePageTreeInput,
  permanent: () => false,
  chunkSize: PAGE_SIZE,

  async preview(ctx, input) {
    const { root, nodes } = await sourceTree(ctx, input.pageId);
    const may = await ctx.userMay(root.id, 'delete');
    if (!may.allowed)
      throw new TargetError(`You may not delete “${root.title}”: ${may.reason}`, 'input.pageId', 'FORBIDDEN');
    return {
      scriptKey: 'delete-page-tree',
      total: nodes.length,
      items: deletePreviewItems(nodes, PREVIEW_ITEMS_SHOWN),
      permanent: false,
      summary: `${deleteSummary(nodes)} The tree is ${depthWords(nodes)}.`,
      warnings: [
        'The run checks your delete permission on every page first: a page you may not delete stays, and so do the pages above it.',
      ],
    };
  },

  async checkStart(ctx, input) {
    const { root } = await sourceTree(ctx, input.pageId);
    const may = await ctx.userMay(root.id, 'delete');
    if (!may.allowed)
      throw new TargetError(`You may not delete “${root.title}”: ${may.reason}`, 'input.pageId', 'FORBIDDEN');
  },

  async discover(ctx, input, cursor) {
    const scratch = needScratch(ctx.scratch);
    if (!cursor) {
      const { nodes } = await sourceTree(ctx, input.pageId);
      const answers = await mapLimit(nodes, CHECKS_AT_ONCE, (n) => ctx.userMay(n.id, 'delete'));
      const refused = new Map<string, string>();
      answers.forEach((a, i) => {
        if (!a.allowed) refused.set(nodes[i]!.id, a.reason);
      });
      const plan = planDeletion(nodes, refused);
      const items = nodes.map((n) => ({ id: n.id, title: n.title, data: plan.get(n.id)! as unknown as JsonObject }));
      const pages = await saveItemPages(scratch, LIST, items, PAGE_SIZE);
      const taskIds = (await scratch.get<Record<string, string>>(TASKS_KEY)) ?? {};
      for (const root of new Set([...plan.values()].flatMap((p) => (p.kind === 'in-task' ? [p.root] : [])))) {
        if (taskIds[root]) continue;
        taskIds[root] = await startDeletePageTree(root);
        await scratch.set(TASKS_KEY, taskIds);
      }
      const next: VerifyCursor = { page: 0, pages, handed: [], total: nodes.length };
      return { items: [], next, total: nodes.length };
    }
    const at = cursor as VerifyCursor;
    const { items, settled } = await settledItems(ctx.runId, scratch, at);
    const handed = [...at.handed, ...items.map((i) => i.id)];
    const pageDone = settled;
    const next: VerifyCursor | undefined = !pageDone
      ? { ...at, handed }
      : at.page + 1 < at.pages
        ? { page: at.page + 1, pages: at.pages, handed: [], total: at.total }
        : undefined;
    return { items, total: at.total, ...(next ? { next } : {}) };
  },

  async apply(_ctx, _input, item): Promise<ItemOutcome> {
    const verdict = item.data as unknown as Verdict;
    return verdict.outcome === 'done' ? { status: 'done' } : { status: 'failed', reason: verdict.reason };
  },

  async finish(_ctx, _input, progress) {
    const trashed = progress.done;
    return {
      message:
        `${trashed} page${trashed === 1 ? '' : 's'} moved to the trash` +
        (progress.failed ? `; ${progress.failed} kept (each with the reason).` : '.') +
        ' A space admin can restore them from the space’s trash.',
    };
  },
};
