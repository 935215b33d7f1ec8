/**
 * Bulk Delete Comments: deletes the target's footer and inline comments
 * that match (age, authors, kinds). Deleting a comment is permanent in
 * Confluence (v2 "Delete footer comment"): the preview says so and the run
 * needs `confirmed: true`. Per comment, the run's user must be allowed to
 * edit the page it sits on; a comment already gone counts as done.
 */
import { BulkDeleteCommentsInput, type PreviewItem, ScriptInput } from '../contract/scripts';
import { CommentRef, deleteComment, pageComments } from '../confluence/content';
import { displayNames } from '../confluence/users';
import {
  ageInDays,
  mapLimit,
  markRefused,
  PREVIEW_BUDGET_MS,
  PREVIEW_CONCURRENCY,
  PreviewCollector,
  plural,
} from './preview-support';
import { eachTargetPage, TargetError, targetPages, TargetPage, treeRootProblem } from './targets';
import type { ScriptContext, ScriptModule, WorkItem } from './types';

type Input = ScriptInput<'bulk-delete-comments'>;

/** Pages scanned per discovered batch: each costs one or two comment list calls. */
const PAGES_PER_BATCH = 25;

/**
 * Why a comment matches the input, in words ("footer comment, by Bob Smith,
 * 400 days old"); undefined when it does not. `names` gives authors' display
 * names; an author without one is named by account id.
 */
export function commentMatch(
  comment: CommentRef,
  input: Input,
  nowMs: number,
  names: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  if (input.kinds && !input.kinds.includes(comment.kind)) return undefined;
  const age = ageInDays(comment.createdAt, nowMs);
  if (input.olderThanDays !== undefined && (age === undefined || age <= input.olderThanDays)) return undefined;
  if (input.authorAccountIds && !(comment.authorId && input.authorAccountIds.includes(comment.authorId))) {
    return undefined;
  }
  const parts = [`${comment.kind} comment`];
  if (comment.authorId) parts.push(`by ${names.get(comment.authorId) ?? comment.authorId}`);
  if (age !== undefined) parts.push(`${plural(age, 'day')} old`);
  return parts.join(', ');
}

const kindsOf = (input: Input): ('footer' | 'inline')[] => input.kinds ?? ['footer', 'inline'];

async function matchingOn(page: TargetPage, input: Input, nowMs: number) {
  const lists = await Promise.all(kindsOf(input).map((kind) => pageComments(page.id, kind)));
  return lists.flat().flatMap((c) => {
    const reason = commentMatch(c, input, nowMs);
    return reason ? [{ comment: c, reason }] : [];
  });
}

/**
 * Rewrites the shown items' reasons with their authors' display names: one
 * batch lookup for at most PREVIEW_ITEMS_SHOWN items. A lookup that fails
 * leaves the account ids, which are still true.
 */
async function nameAuthors(items: PreviewItem[], shown: Map<string, CommentRef>, input: Input, nowMs: number) {
  const authorIds = [...shown.values()].flatMap((c) => (c.authorId ? [c.authorId] : []));
  if (authorIds.length === 0) return;
  const names = await displayNames(authorIds).catch(() => new Map<string, string>());
  for (const item of items) {
    const comment = shown.get(item.id);
    if (comment) item.reason = commentMatch(comment, input, nowMs, names) ?? item.reason;
  }
}

async function preview(ctx: ScriptContext, input: Input) {
  const problem = await treeRootProblem(ctx, input.target);
  if (problem) throw new TargetError(problem);
  const collected = new PreviewCollector();
  /** The comments of the items shown, to name their authors once the scan is done. */
  const shown = new Map<string, CommentRef>();
  const stopAt = Date.now() + PREVIEW_BUDGET_MS;
  let complete = true;
  await eachTargetPage(ctx, input.target, async (pages) => {
    const found = await mapLimit(pages, PREVIEW_CONCURRENCY, (p) => matchingOn(p, input, ctx.scope.startedAt));
    pages.forEach((page, i) => {
      for (const { comment, reason } of found[i] ?? []) {
        collected.add({
          id: comment.id,
          kind: 'comment',
          title: `Comment on ${page.title}`,
          page: { id: page.id, title: page.title },
          reason,
          action: 'delete permanently',
        });
        if (collected.items.length > shown.size) shown.set(comment.id, comment);
      }
    });
    if (Date.now() > stopAt) complete = false;
    return complete;
  });
  await nameAuthors(collected.items, shown, input, ctx.scope.startedAt);
  const warnings = ['Deleted comments cannot be restored: Confluence deletes them permanently.'];
  if (!complete) warnings.push(`Counted until time ran out: at least ${collected.total}; the run checks every page.`);
  const refused = await markRefused(ctx, collected.items, 'update');
  if (refused) warnings.push(refused);
  return {
    scriptKey: 'bulk-delete-comments' as const,
    total: collected.total,
    items: collected.items,
    permanent: true,
    summary: `Will permanently delete ${plural(collected.total, 'comment')}.`,
    warnings,
  };
}

export const bulkDeleteComments: ScriptModule<typeof BulkDeleteCommentsInput> = {
  key: 'bulk-delete-comments',
  input: BulkDeleteCommentsInput,
  permanent: () => true,
  concurrency: 8,
  preview,

  async discover(ctx, input, cursor) {
    const batch = await targetPages(ctx, input.target, cursor, PAGES_PER_BATCH);
    const found = await mapLimit(batch.pages, PREVIEW_CONCURRENCY, (p) => matchingOn(p, input, ctx.scope.startedAt));
    const items: WorkItem[] = batch.pages.flatMap((page, i) =>
      (found[i] ?? []).map(({ comment }) => ({
        id: comment.id,
        title: `Comment on ${page.title}`,
        data: { kind: comment.kind, pageId: page.id },
      })),
    );
    return { items, next: batch.next };
  },

  async apply(ctx, _input, item) {
    const pageId = String(item.data?.pageId ?? '');
    const kind = item.data?.kind === 'inline' ? 'inline' : 'footer';
    const may = await ctx.userMay(pageId, 'update');
    if (!may.allowed) return { status: 'failed', reason: may.reason };
    const result = await deleteComment(item.id, kind);
    return result === 'gone' ? { status: 'skipped', reason: 'Already deleted.' } : { status: 'done' };
  },
};
