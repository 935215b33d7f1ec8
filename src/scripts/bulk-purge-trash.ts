/**
 * Bulk Purge Trash: removes the space's trashed pages, blog posts and
 * attachments for good (v2 "Delete page/blog post/attachment" with
 * `purge=true`, which Confluence accepts only for trashed content). It
 * cannot be undone: the preview says so and the run needs `confirmed: true`.
 * Phases in the cursor: pages, then blog posts, then attachments (trashed
 * attachments of current pages; a purged page takes its own with it).
 * Purging something already purged answers 404: counted as done.
 */
import { BulkPurgeTrashInput, ScriptInput } from '../contract/scripts';
import {
  ContentRef,
  deleteAttachment,
  pageAttachments,
  purgeTrashed,
  spaceBlogposts,
  spacePages,
} from '../confluence/content';
import {
  ageInDays,
  mapLimit,
  markRefused,
  PREVIEW_BUDGET_MS,
  PREVIEW_CONCURRENCY,
  PreviewCollector,
  plural,
} from './preview-support';
import type { Discovery, JsonObject, ScriptContext, ScriptModule, WorkItem } from './types';

type Input = ScriptInput<'bulk-purge-trash'>;
type Kind = 'page' | 'blogpost' | 'attachment';
const PHASES: readonly Kind[] = ['page', 'blogpost', 'attachment'];
const PAGES_PER_ATTACHMENT_BATCH = 25;

/** The time that counts for "older than": when it was trashed (its latest version), else when it was created. */
const trashedAt = (item: { createdAt?: string; version?: { createdAt?: string } }): string | undefined =>
  item.version?.createdAt ?? item.createdAt;

/** Why a trashed item matches, in words; undefined when it does not. */
export function trashMatch(
  kind: Kind,
  item: { createdAt?: string; version?: { createdAt?: string } },
  input: Input,
  nowMs: number,
): string | undefined {
  if (input.types && !input.types.includes(kind)) return undefined;
  const age = ageInDays(trashedAt(item), nowMs);
  if (input.olderThanDays !== undefined && (age === undefined || age <= input.olderThanDays)) return undefined;
  const what = kind === 'blogpost' ? 'trashed blog post' : `trashed ${kind}`;
  return age === undefined ? what : `${what}, ${plural(age, 'day')} since it changed`;
}

const phasesOf = (input: Input): Kind[] => PHASES.filter((k) => !input.types || input.types.includes(k));

interface Found {
  kind: Kind;
  item: ContentRef;
  reason: string;
  page?: { id: string; title: string };
}

/** One batch of one phase: its matches and where to go on. */
async function batchOf(
  ctx: ScriptContext,
  input: Input,
  phase: Kind,
  cursor: string | undefined,
  limit: number,
): Promise<{ found: Found[]; next?: string }> {
  const now = ctx.scope.startedAt;
  if (phase === 'page' || phase === 'blogpost') {
    const list = phase === 'page' ? spacePages : spaceBlogposts;
    const page = await list(ctx.scope.space.id, 'trashed', cursor, limit);
    const found = page.results.flatMap((item) => {
      const reason = trashMatch(phase, item, input, now);
      return reason ? [{ kind: phase, item, reason }] : [];
    });
    return { found, next: page.next };
  }
  const pages = await spacePages(ctx.scope.space.id, 'current', cursor, Math.min(limit, PAGES_PER_ATTACHMENT_BATCH));
  const lists = await mapLimit(pages.results, PREVIEW_CONCURRENCY, (p) => pageAttachments(p.id, 'trashed'));
  const found = pages.results.flatMap((p, i) =>
    (lists[i] ?? []).flatMap((a) => {
      const reason = trashMatch('attachment', a, input, now);
      return reason ? [{ kind: 'attachment' as const, item: a, reason, page: { id: p.id, title: p.title } }] : [];
    }),
  );
  return { found, next: pages.next };
}

function nextCursor(input: Input, phase: Kind, next: string | undefined): JsonObject | undefined {
  if (next) return { phase, cursor: next };
  const phases = phasesOf(input);
  const following = phases[phases.indexOf(phase) + 1];
  return following ? { phase: following } : undefined;
}

async function preview(ctx: ScriptContext, input: Input) {
  const collected = new PreviewCollector();
  const stopAt = Date.now() + PREVIEW_BUDGET_MS;
  let complete = true;
  for (const phase of phasesOf(input)) {
    let cursor: string | undefined;
    do {
      const { found, next } = await batchOf(ctx, input, phase, cursor, 250);
      for (const f of found) {
        collected.add({
          id: f.item.id,
          kind: f.kind === 'attachment' ? 'attachment' : f.kind,
          title: f.item.title,
          ...(f.page ? { page: f.page } : {}),
          reason: f.reason,
          action: 'purge (cannot be restored)',
        });
      }
      cursor = next;
      if (Date.now() > stopAt) complete = false;
    } while (cursor && complete);
    if (!complete) break;
  }
  const warnings = ['Purged content is gone for good: it cannot be restored from the trash.'];
  if (!complete) warnings.push(`Counted until time ran out: at least ${collected.total}; the run checks it all.`);
  const refused = await markRefused(ctx, collected.items, 'delete');
  if (refused) warnings.push(refused);
  return {
    scriptKey: 'bulk-purge-trash' as const,
    total: collected.total,
    items: collected.items,
    permanent: true,
    summary: `Will permanently purge ${plural(collected.total, 'item')} from the trash.`,
    warnings,
  };
}

export const bulkPurgeTrash: ScriptModule<typeof BulkPurgeTrashInput> = {
  key: 'bulk-purge-trash',
  input: BulkPurgeTrashInput,
  permanent: () => true,
  concurrency: 8,
  preview,

  async discover(ctx, input, cursor, limit): Promise<Discovery> {
    const phases = phasesOf(input);
    const phase = (cursor?.phase as Kind | undefined) ?? phases[0];
    if (!phase) return { items: [] };
    const at = typeof cursor?.cursor === 'string' ? cursor.cursor : undefined;
    const { found, next } = await batchOf(ctx, input, phase, at, limit);
    const items: WorkItem[] = found.map((f) => ({
      id: f.item.id,
      title: f.page ? `${f.item.title} (on ${f.page.title})` : f.item.title,
      data: { kind: f.kind, ...(f.page ? { pageId: f.page.id } : {}) },
    }));
    return { items, next: nextCursor(input, phase, next) };
  },

  async apply(ctx, _input, item) {
    const kind = item.data?.kind as Kind;
    const checkOn = kind === 'attachment' ? String(item.data?.pageId ?? '') : item.id;
    const may = await ctx.userMay(checkOn, 'delete');
    if (!may.allowed) return { status: 'failed', reason: may.reason };
    const result = kind === 'attachment' ? await deleteAttachment(item.id, true) : await purgeTrashed(kind, item.id);
    return result === 'gone' ? { status: 'skipped', reason: 'Already purged.' } : { status: 'done' };
  },
};
