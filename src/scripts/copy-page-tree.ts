/**
 * Copy Page Tree: copies a page and its descendants under a destination
 * page, in this space or another where the person may create pages.
 *
 * The copy is one Confluence long task
 * (`POST /wiki/rest/api/content/{id}/pagehierarchy/copy`), which keeps the
 * tree's shape and order. Calls are the app's, so the person's rights are
 * checked first: they must see every page of the tree (Confluence copies a
 * tree whole) and the destination, and hold create/page in its space; a
 * refusal fails the run before anything is copied. The first `discover`
 * starts the task; a mark saved just before the start lets a consumer that
 * died in between look for the copied root instead of copying twice.
 * Later `discover` calls hand out the source pages in tree order as the
 * task's percentage passes them, so progress follows the task.
 */
import { findByTitle } from '../confluence/content-copy';
import { startCopyPageHierarchy } from '../confluence/long-tasks';
import { findSpaceById, PageSummary, spacePages } from '../confluence/page-tree';
import { userHoldsInSpace } from '../confluence/space-rights';
import { CopyPageTreeInput, PREVIEW_ITEMS_SHOWN, ScriptInput } from '../contract/scripts';
import { copyPreviewItems, copySummary, copyWarnings, planTitles } from './tree/copy-plan';
import { TreeNode } from './tree/order';
import { ListCursor, loadItemPage, mapLimit, needScratch, saveItemPages } from './tree/run-support';
import { freshTaskView, pollUntil, taskView } from './tree/task-watch';
import { depthWords, readableRoot, sourceTree } from './tree/tree-reads';
import { TargetError } from './targets';
import type { ItemOutcome, ScriptContext, ScriptModule, WorkItem } from './types';

type Input = ScriptInput<'copy-page-tree'>;

const LIST = 'copy';
const PAGE_SIZE = 100;
const CHECKS_AT_ONCE = 8;
const TASK_KEY = 'task';
const STARTING_KEY = 'starting';
const PLAN_KEY = 'plan';
/** The copy task of an interrupted start, whose id was never learnt; its copy exists. */
const UNKNOWN_TASK = 'unknown';
/** Warnings quoted in the final message (a run's message is one paragraph). */
const WARNINGS_SHOWN = 10;

interface Destination {
  page: PageSummary;
  spaceName: string;
  sameSpace: boolean;
}

/** The destination as the person may use it, or the refusal that stops everything before it starts. */
async function checkedDestination(ctx: ScriptContext, input: Input, nodes: readonly TreeNode[]): Promise<Destination> {
  const field = 'input.destinationPageId';
  const page = await readableRoot(ctx, input.destinationPageId, field);
  if (nodes.some((n) => n.id === page.id)) {
    throw new TargetError(
      `“${page.title}” is inside the tree being copied: choose a page outside it.`,
      field,
      'BAD_REQUEST',
    );
  }
  const [space, mayCreate] = await Promise.all([
    findSpaceById(page.spaceId),
    userHoldsInSpace(page.spaceId, ctx.scope.accountId, { key: 'create', target: 'page' }),
  ]);
  const spaceName = space ? `${space.name} (${space.key})` : `space ${page.spaceId}`;
  if (!mayCreate) {
    throw new TargetError(
      `You may not create pages in ${spaceName}, so nothing can be copied there.`,
      field,
      'FORBIDDEN',
    );
  }
  return { page, spaceName, sameSpace: page.spaceId === ctx.scope.space.id };
}

interface CopyPlan {
  [key: string]: string | number;
  destinationId: string;
  destinationSpaceId: string;
  destinationTitle: string;
  spaceName: string;
  prefix: string;
  rootTitle: string;
  total: number;
}

interface FollowCursor extends ListCursor {
  /** Items handed out so far, in tree order. */
  handed: number;
  total: number;
}

async function startCopy(ctx: ScriptContext, input: Input, plan: CopyPlan, rootId: string): Promise<string> {
  const scratch = needScratch(ctx.scratch);
  const known = await scratch.get<string>(TASK_KEY);
  if (known) return known;
  // A start that died after Confluence took it left its mark, and the copied root exists.
  if ((await scratch.get<number>(STARTING_KEY)) !== undefined) {
    if (await findByTitle('page', plan.destinationSpaceId, plan.rootTitle)) {
      await scratch.set(TASK_KEY, UNKNOWN_TASK);
      return UNKNOWN_TASK;
    }
  }
  await scratch.set(STARTING_KEY, Date.now());
  const taskId = await startCopyPageHierarchy(rootId, {
    destinationPageId: plan.destinationId,
    copyAttachments: input.copyAttachments ?? false,
    copyPermissions: input.copyRestrictions ?? false,
    copyLabels: input.copyLabels ?? false,
    copyProperties: false,
    copyCustomContents: false,
    copyDescendants: true,
    ...(plan.prefix ? { titleOptions: { prefix: plan.prefix } } : {}),
  });
  await scratch.set(TASK_KEY, taskId);
  return taskId;
}

export const copyPageTree: ScriptModule<typeof CopyPageTreeInput> = {
  key: 'copy-page-tree',
  input: CopyPageTreeInput,
  permanent: () => false,
  chunkSize: PAGE_SIZE,

  async preview(ctx, input) {
    const { nodes } = await sourceTree(ctx, input.pageId);
    const destination = await checkedDestination(ctx, input, nodes);
    const existing = await spacePages(destination.page.spaceId);
    const plan = planTitles(nodes, {
      ...(input.titlePrefix !== undefined ? { titlePrefix: input.titlePrefix } : {}),
      sameSpace: destination.sameSpace,
      destinationTitles: new Set(existing.map((p) => p.title)),
    });
    const warnings = copyWarnings(plan, plan.prefix !== (input.titlePrefix ?? ''));
    if (input.copyRestrictions) {
      const mayRestrict = await userHoldsInSpace(destination.page.spaceId, ctx.scope.accountId, {
        key: 'restrict_content',
        target: 'space',
      });
      if (!mayRestrict)
        warnings.push(`You may not restrict pages in ${destination.spaceName}: restrictions will not be copied.`);
    }
    warnings.push('Pages you may not view cannot be copied: the run stops before copying if the tree has any.');
    return {
      scriptKey: 'copy-page-tree',
      total: nodes.length,
      items: copyPreviewItems(nodes, plan, destination.page.title, PREVIEW_ITEMS_SHOWN),
      permanent: false,
      summary: `${copySummary(nodes, { title: destination.page.title, spaceName: destination.spaceName }, input)} The tree is ${depthWords(nodes)}.`,
      warnings,
    };
  },

  async checkStart(ctx, input) {
    const { nodes } = await sourceTree(ctx, input.pageId);
    await checkedDestination(ctx, input, nodes);
  },

  async discover(ctx, input, cursor) {
    const scratch = needScratch(ctx.scratch);
    if (!cursor) {
      // A refusal here (TargetError) ends the run as failed with its reason, before anything is copied.
      const { nodes } = await sourceTree(ctx, input.pageId);
      const destination = await checkedDestination(ctx, input, nodes);
      // Confluence copies the whole tree: one page the person may not see stops the copy before it starts.
      const reads = await mapLimit(nodes, CHECKS_AT_ONCE, (n) => ctx.userMay(n.id, 'read'));
      const hidden = nodes.filter((_, i) => !reads[i]!.allowed);
      if (hidden.length) {
        throw new TargetError(
          `Nothing was copied: you may not view ${hidden.length} page${hidden.length === 1 ? '' : 's'} of this tree ` +
            `(“${hidden[0]!.title}”${hidden.length > 1 ? ', …' : ''}), and Confluence copies a tree whole.`,
          'input.pageId',
        );
      }
      const titles = planTitles(nodes, {
        ...(input.titlePrefix !== undefined ? { titlePrefix: input.titlePrefix } : {}),
        sameSpace: destination.sameSpace,
        destinationTitles: new Set(),
      });
      const plan: CopyPlan = {
        destinationId: destination.page.id,
        destinationSpaceId: destination.page.spaceId,
        destinationTitle: destination.page.title,
        spaceName: destination.spaceName,
        prefix: titles.prefix,
        rootTitle: titles.titles.get(nodes[0]!.id)!,
        total: nodes.length,
      };
      await scratch.set(PLAN_KEY, plan);
      const items: WorkItem[] = nodes.map((n) => ({ id: n.id, title: n.title }));
      const pages = await saveItemPages(scratch, LIST, items, PAGE_SIZE);
      await startCopy(ctx, input, plan, nodes[0]!.id);
      const next: FollowCursor = { page: 0, pages, handed: 0, total: nodes.length };
      return { items: [], next, total: nodes.length };
    }
    const at = cursor as FollowCursor;
    const taskId = (await scratch.get<string>(TASK_KEY))!;
    const { items } = await pollUntil(async () => {
      const view = taskId === UNKNOWN_TASK ? undefined : await taskView(ctx.runId, taskId);
      const finished = taskId === UNKNOWN_TASK || !view || view.finished;
      const upTo = finished ? at.total : view.doneOf(at.total);
      const pageEnd = Math.min((at.page + 1) * PAGE_SIZE, upTo);
      if (pageEnd <= at.handed) return { items: [], settled: false };
      const page = await loadItemPage(scratch, LIST, at.page);
      const errors = (view?.notes ?? []).filter((n) => n.kind === 'error');
      const out = page.slice(at.handed - at.page * PAGE_SIZE, pageEnd - at.page * PAGE_SIZE).map((item): WorkItem => {
        const error = errors.find((n) => n.args.includes(item.id) || n.pageTitle === item.title);
        return error ? { ...item, data: { failed: error.text } } : item;
      });
      return { items: out, settled: true };
    });
    const handed = at.handed + items.length;
    const pageEnd = (at.page + 1) * PAGE_SIZE;
    const next: FollowCursor | undefined =
      handed >= at.total ? undefined : handed >= pageEnd ? { ...at, page: at.page + 1, handed } : { ...at, handed };
    return { items, total: at.total, ...(next ? { next } : {}) };
  },

  async apply(_ctx, _input, item): Promise<ItemOutcome> {
    const failed = (item.data as { failed?: string } | undefined)?.failed;
    return failed ? { status: 'failed', reason: failed } : { status: 'done' };
  },

  async finish(ctx, _input, progress) {
    const scratch = needScratch(ctx.scratch);
    const [plan, taskId] = await Promise.all([scratch.get<CopyPlan>(PLAN_KEY), scratch.get<string>(TASK_KEY)]);
    const view = taskId && taskId !== UNKNOWN_TASK ? await freshTaskView(taskId) : undefined;
    const warnings = (view?.notes ?? []).filter((n) => n.kind === 'warning').map((n) => n.text);
    const copiedRoot = view?.details.destinationId;
    const where = plan ? ` under “${plan.destinationTitle}” in ${plan.spaceName}` : '';
    return {
      message:
        `${progress.done} page${progress.done === 1 ? '' : 's'} copied${where}, shape and order kept.` +
        (warnings.length
          ? ` Warnings: ${warnings.slice(0, WARNINGS_SHOWN).join(' ')}` +
            (warnings.length > WARNINGS_SHOWN ? ` …and ${warnings.length - WARNINGS_SHOWN} more.` : '')
          : ''),
      ...(typeof copiedRoot === 'string' ? { links: { pageId: copiedRoot } } : {}),
    };
  },
};
