/**
 * Copy Space, planned. Pure: the phases a run goes through, the chunks of
 * content each consumer invocation copies, and the order pages are created
 * in so that the copy keeps the source's shape and sibling order.
 *
 * Confluence has no copy-space endpoint (DESIGN section 7): the run creates
 * the space (v1 `POST /wiki/rest/api/space`), gives its home page the source
 * home page's title and body, creates every other page under its copied
 * parent (v2 `POST /wiki/api/v2/pages`), then blog posts, then queues the
 * permissions. A new page is appended as its parent's last child, so
 * siblings must be created one after the other in source order; pages of
 * different parents can be created at the same time.
 */
import type { TreeNode } from '../tree/order';

export const PHASES = ['create-space', 'pages', 'blogposts', 'permissions', 'done'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Pages per chunk: with 100 ms added to every Confluence call (the bench)
 * a chunk of 100 pages (~3 Confluence calls a page, 16 at once) takes a
 * few seconds, far inside a consumer's time limit.
 */
export const PAGES_PER_CHUNK = 100;
export const BLOGPOSTS_PER_CHUNK = 100;
/**
 * Items applied at once (engine lanes). Confluence's points-based rate
 * limits answer 429 with Retry-After when this is too many; the engine
 * then waits and goes on.
 */
export const CREATE_CONCURRENCY = 16;
/** The largest space a run copies; beyond it the preview refuses (DESIGN section 6: limits stated first). */
export const MAX_PAGES = 10_000;
export const MAX_BLOGPOSTS = 5_000;

export interface ChunkRange {
  start: number;
  end: number;
}

/** The chunks that cover `total` items, in order. */
export function chunkRanges(total: number, size: number): ChunkRange[] {
  const out: ChunkRange[] = [];
  for (let start = 0; start < total; start += size) out.push({ start, end: Math.min(total, start + size) });
  return out;
}

export interface CopyOptions {
  copyBlogPosts?: boolean;
  copyAttachments?: boolean;
  copyLabels?: boolean;
  copyPermissions?: boolean;
}

/** The phase after `phase`, skipping those the options leave out. */
export function nextPhase(phase: Phase, options: CopyOptions): Phase {
  const order = PHASES.filter(
    (p) => (p !== 'blogposts' || options.copyBlogPosts) && (p !== 'permissions' || options.copyPermissions),
  );
  const at = order.indexOf(phase);
  return at < 0 || at === order.length - 1 ? 'done' : order[at + 1]!;
}

/**
 * Waves of page creations for one chunk, in page order: a page waits for
 * its parent (when that is in the chunk) and for its previous sibling (so
 * Confluence appends siblings in source order). Pages of one wave are
 * independent. Pages whose parent or previous sibling came in an earlier
 * chunk have nothing to wait for here: earlier chunks are complete.
 */
export function creationWaves(chunk: readonly TreeNode[]): TreeNode[][] {
  const waveOf = new Map<string, number>();
  const lastChild = new Map<string | null, string>();
  const waves: TreeNode[][] = [];
  for (const node of chunk) {
    const parentWave = node.parentId !== null ? waveOf.get(node.parentId) : undefined;
    const previous = lastChild.get(node.parentId);
    const siblingWave = previous !== undefined ? waveOf.get(previous) : undefined;
    const wave = Math.max(parentWave ?? -1, siblingWave ?? -1) + 1;
    waveOf.set(node.id, wave);
    lastChild.set(node.parentId, node.id);
    (waves[wave] ??= []).push(node);
  }
  return waves;
}

/** Where a copied page goes: the new home page itself, under a copied parent, or at the top of the new space. */
export type Placement = { kind: 'home' } | { kind: 'child'; parentSourceId: string } | { kind: 'top-level' };

export function placementOf(node: TreeNode, sourceHomepageId: string | undefined): Placement {
  if (node.id === sourceHomepageId) return { kind: 'home' };
  if (node.parentId !== null) return { kind: 'child', parentSourceId: node.parentId };
  return { kind: 'top-level' };
}

/** The record a copy leaves on the new space: what was copied from where, by which run. */
export function provenanceText(source: { key: string; name: string }, runId: string, at: string): string {
  return `Copied from the space ${source.name} (${source.key}) by the Copy Space script, run ${runId}, on ${at.slice(0, 10)}.`;
}

/** Is this description the record of this run? (A run that died after creating its space finds it again.) */
export const isProvenanceOf = (description: string | undefined, runId: string): boolean =>
  description !== undefined && description.includes(`run ${runId},`);
