/**
 * Bulk Delete Attachments: moves the target's matching attachments to the
 * trash, or (`purge`) removes them for good: v2 "Delete attachment", then
 * the same call with `purge=true` on the trashed attachment. Per attachment
 * the run's user must be allowed to edit its page. Either call answering
 * 404 means it was already done, so a repeated item changes nothing.
 */
import picomatch from 'picomatch';
import { BulkDeleteAttachmentsInput, ScriptInput } from '../contract/scripts';
import { ProductApiError } from '../confluence/client';
import { attachmentById, AttachmentRef, deleteAttachment, pageAttachments } from '../confluence/content';
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

type Input = ScriptInput<'bulk-delete-attachments'>;

const PAGES_PER_BATCH = 25;

/** Why an attachment matches, in words; undefined when it does not. */
export function attachmentMatch(attachment: AttachmentRef, input: Input, nowMs: number): string | undefined {
  const reasons: string[] = [];
  if (input.fileNamePattern) {
    const isMatch = picomatch(input.fileNamePattern, { nocase: true, dot: true });
    if (!isMatch(attachment.title)) return undefined;
    reasons.push(`name matches ${input.fileNamePattern}`);
  }
  if (input.mediaTypes) {
    const type = (attachment.mediaType ?? '').toLowerCase();
    if (!input.mediaTypes.some((m) => m.toLowerCase() === type)) return undefined;
    reasons.push(type);
  }
  if (input.olderThanDays !== undefined) {
    const age = ageInDays(attachment.createdAt, nowMs);
    if (age === undefined || age <= input.olderThanDays) return undefined;
    reasons.push(`${plural(age, 'day')} old`);
  }
  if (input.minSizeBytes !== undefined) {
    if ((attachment.fileSize ?? 0) < input.minSizeBytes) return undefined;
    reasons.push(`${attachment.fileSize} bytes`);
  }
  return reasons.length ? reasons.join(', ') : 'every attachment of the target';
}

async function matchingOn(page: TargetPage, input: Input, nowMs: number) {
  return (await pageAttachments(page.id, 'current')).flatMap((a) => {
    const reason = attachmentMatch(a, input, nowMs);
    return reason ? [{ attachment: a, reason }] : [];
  });
}

async function preview(ctx: ScriptContext, input: Input) {
  const problem = await treeRootProblem(ctx, input.target);
  if (problem) throw new TargetError(problem);
  const collected = new PreviewCollector();
  const stopAt = Date.now() + PREVIEW_BUDGET_MS;
  let complete = true;
  const action = input.purge ? 'purge (cannot be restored)' : 'move to the trash';
  await eachTargetPage(ctx, input.target, async (pages) => {
    const found = await mapLimit(pages, PREVIEW_CONCURRENCY, (p) => matchingOn(p, input, ctx.scope.startedAt));
    pages.forEach((page, i) => {
      for (const { attachment, reason } of found[i] ?? []) {
        collected.add({
          id: attachment.id,
          kind: 'attachment',
          title: attachment.title,
          page: { id: page.id, title: page.title },
          reason,
          action,
        });
      }
    });
    if (Date.now() > stopAt) complete = false;
    return complete;
  });
  const warnings = input.purge
    ? ['Purged attachments cannot be restored from the trash.']
    : ['Attachments go to the trash, where a space admin can restore them.'];
  if (!complete) warnings.push(`Counted until time ran out: at least ${collected.total}; the run checks every page.`);
  const refused = await markRefused(ctx, collected.items, 'update');
  if (refused) warnings.push(refused);
  return {
    scriptKey: 'bulk-delete-attachments' as const,
    total: collected.total,
    items: collected.items,
    permanent: input.purge === true,
    summary: `Will ${input.purge ? 'purge' : 'move to the trash'} ${plural(collected.total, 'attachment')}.`,
    warnings,
  };
}

/**
 * Moves an attachment to the trash. Confluence refuses (400) to trash one
 * that is already there, which is what a repeated item meets: its status
 * is then read, and a trashed (or purged) attachment counts as already done.
 */
async function toTrash(attachmentId: string): Promise<'trashed' | 'already'> {
  try {
    return (await deleteAttachment(attachmentId, false)) === 'gone' ? 'already' : 'trashed';
  } catch (error) {
    if (!(error instanceof ProductApiError) || error.status !== 400) throw error;
    const now = await attachmentById(attachmentId);
    if (!now || now.status === 'trashed') return 'already';
    throw error;
  }
}

export const bulkDeleteAttachments: ScriptModule<typeof BulkDeleteAttachmentsInput> = {
  key: 'bulk-delete-attachments',
  input: BulkDeleteAttachmentsInput,
  permanent: (input) => input.purge === true,
  concurrency: 8,
  preview,

  async discover(ctx, input, cursor) {
    const batch = await targetPages(ctx, input.target, cursor, PAGES_PER_BATCH);
    const found = await mapLimit(batch.pages, PREVIEW_CONCURRENCY, (p) => matchingOn(p, input, ctx.scope.startedAt));
    const items: WorkItem[] = batch.pages.flatMap((page, i) =>
      (found[i] ?? []).map(({ attachment }) => ({
        id: attachment.id,
        title: `${attachment.title} (on ${page.title})`,
        data: { pageId: page.id },
      })),
    );
    return { items, next: batch.next };
  },

  async apply(ctx, input, item) {
    const may = await ctx.userMay(String(item.data?.pageId ?? ''), 'update');
    if (!may.allowed) return { status: 'failed', reason: may.reason };
    const trashed = await toTrash(item.id);
    if (!input.purge)
      return trashed === 'already' ? { status: 'skipped', reason: 'Already deleted.' } : { status: 'done' };
    const purged = await deleteAttachment(item.id, true);
    return purged === 'gone' && trashed === 'already'
      ? { status: 'skipped', reason: 'Already purged.' }
      : { status: 'done' };
  },
};
