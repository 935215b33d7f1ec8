/**
 * The pages a bulk script acts on (DESIGN section 3 `target`): every
 * current page of the space, or a page and all its descendants, handed out
 * a batch at a time with a cursor the engine stores between chunks.
 */
import type { Target } from '../contract/scripts';
import { ContentRef, pageById, pageDescendants, spacePages } from '../confluence/content';
import type { JsonObject, ScriptContext } from './types';

/** The input names something the script cannot act on (a page elsewhere, gone): the person must change it. */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly field = 'input.target.pageId',
    /** The resolver's answer code: the input is wrong, the person may not, or it is not there. */
    readonly code: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND' = 'BAD_REQUEST',
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface TargetPage extends ContentRef {
  /** Depth below the tree's root (0 for the root); undefined for a whole space. */
  depth?: number;
}

export interface TargetBatch {
  pages: TargetPage[];
  next?: JsonObject;
}

/** Why a tree target cannot be used, in words for the person; undefined when it can. */
export async function treeRootProblem(ctx: ScriptContext, target: Target): Promise<string | undefined> {
  if (target.type !== 'tree') return undefined;
  const root = await pageById(target.pageId);
  if (!root || root.status !== 'current') return `Page ${target.pageId} was not found (or is not current).`;
  if (root.spaceId !== undefined && root.spaceId !== ctx.scope.space.id) {
    return `Page ${target.pageId} is not in this space: scripts act only in the space they are opened in.`;
  }
  return undefined;
}

/** The next batch of the target's pages. */
export async function targetPages(
  ctx: ScriptContext,
  target: Target,
  cursor: JsonObject | undefined,
  limit: number,
): Promise<TargetBatch> {
  const at = typeof cursor?.cursor === 'string' ? cursor.cursor : undefined;
  if (target.type === 'space') {
    const page = await spacePages(ctx.scope.space.id, 'current', at, limit);
    return { pages: page.results, next: page.next ? { cursor: page.next } : undefined };
  }
  if (cursor?.phase !== 'descendants') {
    const problem = await treeRootProblem(ctx, target);
    if (problem) throw new TargetError(problem);
    const root = await pageById(target.pageId);
    return { pages: root ? [{ ...root, depth: 0 }] : [], next: { phase: 'descendants' } };
  }
  const page = await pageDescendants(target.pageId, at, limit);
  return {
    pages: page.results.filter((p) => (p.status ?? 'current') === 'current'),
    next: page.next ? { phase: 'descendants', cursor: page.next } : undefined,
  };
}

/** Every page of the target, `visit`ed in order, until it answers false (previews stop early). */
export async function eachTargetPage(
  ctx: ScriptContext,
  target: Target,
  visit: (pages: TargetPage[]) => Promise<boolean> | boolean,
): Promise<void> {
  let cursor: JsonObject | undefined;
  do {
    const batch = await targetPages(ctx, target, cursor, 250);
    if (!(await visit(batch.pages))) return;
    cursor = batch.next;
  } while (cursor);
}
