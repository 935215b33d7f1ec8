/**
 * A long task's status, asked of Confluence at most once a second per task
 * however many work items follow it (a chunk applies up to eight at once).
 * Per process: a new consumer simply asks again.
 */
import type { LongTaskStatus } from '../../confluence/long-tasks';
import { isTaskFinished } from '../../confluence/long-tasks';
import { doneFromPercentage, TaskNote, taskNotes } from './long-task-words';

export interface TaskView {
  finished: boolean;
  successful: boolean;
  percentage: number;
  notes: TaskNote[];
  details: Record<string, unknown>;
  /** Items done of `total` by the task's percentage. */
  doneOf(total: number): number;
}

const FRESH_MS = 1000;
const KEPT = 200;

export class TaskCache {
  private readonly seen = new Map<string, { at: number; view: Promise<TaskView | undefined> }>();

  /** `scope` (the run) keeps two sites' equal task ids apart (local hosts in one process, tests). */
  status(
    scope: string,
    taskId: string,
    read: (id: string) => Promise<LongTaskStatus | undefined>,
  ): Promise<TaskView | undefined> {
    const now = Date.now();
    const key = `${scope} ${taskId}`;
    const cached = this.seen.get(key);
    if (cached && now - cached.at < FRESH_MS) return cached.view;
    const view = read(taskId).then((s) => (s ? viewOf(s) : undefined));
    // A failed read is not cached: the next item asks again.
    view.catch(() => this.seen.delete(key));
    this.seen.set(key, { at: now, view });
    if (this.seen.size > KEPT) this.seen.delete(this.seen.keys().next().value!);
    return view;
  }
}

function viewOf(s: LongTaskStatus): TaskView {
  const finished = isTaskFinished(s);
  return {
    finished,
    successful: s.successful,
    percentage: s.percentageComplete,
    notes: taskNotes(s.messages, s.errors ?? []),
    details: (s as { additionalDetails?: Record<string, unknown> }).additionalDetails ?? {},
    doneOf: (total) => (finished ? total : doneFromPercentage(s.percentageComplete, total)),
  };
}
