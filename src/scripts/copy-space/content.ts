/**
 * Copying one page or blog post into the new space, idempotently: the
 * source -> copy map lives in the run's scratch (`m:<id>`), and a create
 * whose answer was lost is found again when the retry's create is refused
 * for its title (titles are unique in a space, and the space is the run's
 * own), so nothing is created twice and no write is spent per page on
 * marking creates. Labels and attachments are added in a
 * way that repeats harmlessly. The person's read permission on the source
 * is checked first: the calls are the app's.
 */
import {
  addLabels,
  attachmentsOf,
  contentWithBody,
  ContentKind,
  copyAttachment,
  createContent,
  findByTitle,
  labelsOf,
  pagesWithBodies,
} from '../../confluence/content-copy';
import { ProductApiError } from '../../confluence/client';
import type { ItemInProgress, ItemOutcome, ScriptContext } from '../types';
import { FAILED, memoryOf, underway } from './memory';

export interface TargetSpace {
  [key: string]: string;
  id: string;
  key: string;
  name: string;
  homepageId: string;
}

export interface ContentItemData {
  [key: string]: string | number | boolean | null;
  kind: ContentKind;
  /** The chunk it came in (bodies are read per chunk). */
  chunk: number;
  /** The source parent (pages), null at the top of the space. */
  parent: string | null;
  /** The previous sibling (pages): created first, so Confluence keeps the order. */
  previous: string | null;
  /** The source home page: its copy is the new space's home page. */
  home: boolean;
}

export interface CopyOptions {
  copyLabels?: boolean;
  copyAttachments?: boolean;
}

const mapKey = (sourceId: string) => `m:${sourceId}`;
const WAIT_SECONDS = 2;

/** The copy of a source, awaiting it if it is being made in this process; undefined when not (yet) made. */
async function copyOf(ctx: ScriptContext, sourceId: string): Promise<string | undefined> {
  const memory = memoryOf(ctx.runId!);
  const known = memory.copies.get(sourceId);
  if (known) return known;
  const pending = memory.underway.get(sourceId);
  if (pending) return pending;
  const stored = await ctx.scratch!.get<string>(mapKey(sourceId));
  if (stored) memory.copies.set(sourceId, stored);
  return stored;
}

async function bodyOf(ctx: ScriptContext, data: ContentItemData, sourceId: string, chunkIds: () => Promise<string[]>) {
  if (data.kind === 'blogpost') return contentWithBody('blogpost', sourceId);
  const memory = memoryOf(ctx.runId!);
  let bodies = memory.bodies.get(data.chunk);
  if (!bodies) {
    bodies = chunkIds().then(pagesWithBodies);
    bodies.catch(() => memory.bodies.delete(data.chunk));
    memory.bodies.set(data.chunk, bodies);
  }
  return (await bodies).get(sourceId) ?? (await contentWithBody('page', sourceId));
}

async function copyExtras(kind: ContentKind, sourceId: string, copyId: string, options: CopyOptions): Promise<void> {
  if (options.copyLabels) await addLabels(copyId, await labelsOf(kind, sourceId));
  if (options.copyAttachments) {
    for (const attachment of await attachmentsOf(kind, sourceId)) await copyAttachment(sourceId, attachment, copyId);
  }
}

const isTitleClash = (error: unknown): boolean =>
  error instanceof ProductApiError && error.status === 400 && /title already exists/i.test(error.message);

export async function copyContent(
  ctx: ScriptContext,
  targetOf: () => Promise<TargetSpace>,
  item: ItemInProgress,
  options: CopyOptions,
  chunkIds: () => Promise<string[]>,
  rewriteHome: (title: string, body: string) => Promise<void>,
): Promise<ItemOutcome> {
  const data = item.data as unknown as ContentItemData;
  const memory = memoryOf(ctx.runId!);
  // Registered before the first await, so a child in another lane of this chunk finds it.
  const settle = underway(memory, item.id);
  let copyId: string | undefined;
  try {
    const target = await targetOf();
    // Its own map entry is not read (one KVS read a page adds up: Forge counts read units a minute):
    // a retry that finds its copy made is told so by the create (the title is taken) and takes it.
    {
      const may = await ctx.userMay(item.id, 'read');
      if (!may.allowed) {
        copyId = FAILED;
        await ctx.scratch!.set(mapKey(item.id), FAILED);
        return { status: 'failed', reason: `Not copied: ${may.reason}` };
      }
      const parentCopy = data.parent ? await copyOf(ctx, data.parent) : null;
      const previousCopy = data.previous ? await copyOf(ctx, data.previous) : null;
      if (parentCopy === FAILED) {
        copyId = FAILED;
        await ctx.scratch!.set(mapKey(item.id), FAILED);
        return { status: 'failed', reason: 'Not copied: the page above it could not be copied.' };
      }
      // The parent or the previous sibling is not made yet (it waits itself, or runs elsewhere): come back.
      if (parentCopy === undefined || previousCopy === undefined) {
        return { status: 'wait', state: item.state ?? {}, retryInSeconds: WAIT_SECONDS };
      }
      const source = await bodyOf(ctx, data, item.id, chunkIds);
      if (!source) return { status: 'skipped', reason: 'It no longer exists.' };
      if (data.home) {
        await rewriteHome(source.title, source.body);
        copyId = target.homepageId;
      } else {
        try {
          copyId = await createContent(data.kind, {
            spaceId: target.id,
            title: source.title,
            body: source.body,
            ...(data.kind === 'page' ? { parentId: data.parent ? parentCopy : null } : {}),
          });
        } catch (error) {
          // The space is this run's own and titles are unique in a space: the title is taken
          // only by this item's copy, made by an earlier attempt whose answer was lost. Take it.
          if (!isTitleClash(error)) throw error;
          copyId = await findByTitle(data.kind, target.id, source.title);
          if (!copyId) throw error;
        }
      }
      // Its children and next sibling may go on now; the map entry and the extras follow.
      settle(copyId);
      await ctx.scratch!.set(mapKey(item.id), copyId);
    }
    await copyExtras(data.kind, item.id, copyId, options);
    return { status: 'done' };
  } finally {
    settle(copyId);
  }
}
