/**
 * Following long tasks from `discover`: the engine asks for the next batch
 * whenever its batch is empty, so a script whose work is a Confluence long
 * task hands out its items as the task gets through them, and waits a
 * little (never long: the engine re-checks access between batches) when
 * the task has not moved. Items wait nowhere else, so a run's record stays
 * small however large the tree.
 */
import { longTaskStatus } from '../../confluence/long-tasks';
import { TaskCache, TaskView } from './task-cache';

/** The longest one `discover` call waits for a task to move. */
export const DISCOVER_WAIT_MS = 15_000;
export const POLL_MS = 1_000;

const tasks = new TaskCache();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const taskView = (runId: string | undefined, taskId: string): Promise<TaskView | undefined> =>
  tasks.status(runId ?? '', taskId, longTaskStatus);

/** A task's status now, never from the cache (a run's final summary). */
export const freshTaskView = async (taskId: string): Promise<TaskView | undefined> =>
  tasks.status(`fresh ${Date.now()} ${Math.random()}`, taskId, longTaskStatus);

/**
 * Polls until `ready` answers something to hand out or the wait is over;
 * answers the last result (possibly empty).
 */
export async function pollUntil<T>(
  ready: () => Promise<{ items: T[]; settled: boolean }>,
): Promise<{ items: T[]; settled: boolean }> {
  const until = Date.now() + DISCOVER_WAIT_MS;
  for (;;) {
    const result = await ready();
    if (result.items.length > 0 || result.settled || Date.now() >= until) return result;
    await sleep(POLL_MS);
  }
}
