/**
 * What one consumer process remembers of a Copy Space run while it applies
 * a chunk: source id -> copy id (also in the run's scratch, which is what
 * counts), the creations under way (so a page can await its parent and its
 * previous sibling when they are in the same chunk), and the chunk's page
 * bodies (read 100 at a time). A new process starts empty and reads the
 * scratch: nothing here is needed for correctness, only for speed.
 */
import type { ContentBody } from '../../confluence/content-copy';

/** A copy id, or FAILED when the source could not be copied (its children cannot be either). */
export const FAILED = '!';

interface RunMemory {
  copies: Map<string, string>;
  underway: Map<string, Promise<string | undefined>>;
  bodies: Map<number, Promise<Map<string, ContentBody>>>;
}

const runs = new Map<string, RunMemory>();
const KEPT_RUNS = 20;

export function memoryOf(runId: string): RunMemory {
  let memory = runs.get(runId);
  if (!memory) {
    memory = { copies: new Map(), underway: new Map(), bodies: new Map() };
    runs.set(runId, memory);
    if (runs.size > KEPT_RUNS) runs.delete(runs.keys().next().value!);
  }
  return memory;
}

export const forgetRun = (runId: string): void => {
  runs.delete(runId);
};

/** Marks `sourceId` as being copied now; the answer settles it (copy id, FAILED, or undefined: not yet). */
export function underway(memory: RunMemory, sourceId: string): (copyId: string | undefined) => void {
  let settle!: (copyId: string | undefined) => void;
  memory.underway.set(
    sourceId,
    new Promise((resolve) => {
      settle = resolve;
    }),
  );
  let settled = false;
  // Settling twice is harmless (the first answer stands): an item settles as soon as its copy exists.
  return (copyId) => {
    if (settled) return;
    settled = true;
    if (copyId !== undefined) memory.copies.set(sourceId, copyId);
    memory.underway.delete(sourceId);
    settle(copyId);
  };
}
