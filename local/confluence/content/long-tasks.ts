// Long-running tasks (v1 /longtask): a task is a list of steps planned when
// it starts; steps are applied as the clock moves (`stepsPerSecond`), before
// every request the emulator answers, so a caller polling the task sees its
// progress and the content change bit by bit, as on a real site.
import type { ContentModel } from './model';

/** One entry of `messages` / `errors` (LongTaskStatus: `translation`, `args`, more allowed). */
export interface TaskMessage {
  key: string;
  translation: string;
  args: (string | number)[];
}

export interface LongTask {
  id: string;
  /** LongTaskStatus.name: `{key, args}`. */
  name: { key: string; args: string[] };
  /** Who started it: an accountId, or the app's. */
  ownerId: string;
  startedAt: number;
  total: number;
  done: number;
  messages: TaskMessage[];
  errors: TaskMessage[];
  successful: boolean;
  finished: boolean;
  additionalDetails: Record<string, string | number>;
}

export interface TaskPlan {
  name: LongTask['name'];
  ownerId: string;
  /** Warnings known before the first step (pages skipped, restrictions not copied). */
  messages?: TaskMessage[];
  steps: ((task: LongTask) => void)[];
  /** Runs once after the last step. */
  finish?: (task: LongTask) => void;
  additionalDetails?: Record<string, string | number>;
}

/** How fast tasks move by default: 20 steps (pages) a second of the injected clock. */
export const DEFAULT_STEPS_PER_SECOND = 20;

export class LongTasks {
  private readonly tasks = new Map<string, { task: LongTask; plan: TaskPlan }>();
  private readonly order: string[] = [];
  /** `Infinity` finishes every task on the next request. */
  stepsPerSecond = DEFAULT_STEPS_PER_SECOND;

  constructor(private readonly model: ContentModel) {}

  start(plan: TaskPlan): LongTask {
    const task: LongTask = {
      id: this.model.store.newId(),
      name: plan.name,
      ownerId: plan.ownerId,
      startedAt: this.model.clock.now(),
      total: plan.steps.length,
      done: 0,
      messages: [...(plan.messages ?? [])],
      errors: [],
      successful: true,
      finished: false,
      additionalDetails: { ...(plan.additionalDetails ?? {}) },
    };
    this.tasks.set(task.id, { task, plan });
    this.order.push(task.id);
    return task;
  }

  /** Apply every step that is due by now. Cheap when nothing is running. */
  advance(): void {
    const now = this.model.clock.now();
    for (const { task, plan } of this.tasks.values()) {
      if (task.finished) continue;
      const elapsed = Math.max(0, now - task.startedAt);
      const due = Math.min(
        task.total,
        this.stepsPerSecond === Infinity ? task.total : Math.floor((elapsed / 1000) * this.stepsPerSecond),
      );
      while (task.done < due) {
        const step = plan.steps[task.done];
        task.done += 1;
        try {
          step?.(task);
        } catch (err) {
          task.successful = false;
          const reason = err instanceof Error ? err.message : String(err);
          task.errors.push({ key: 'ERROR_UNKNOWN', translation: reason, args: [] });
        }
      }
      if (task.done >= task.total) {
        plan.finish?.(task);
        task.finished = true;
      }
    }
  }

  /** Run every task to its end now, whatever the clock says. */
  finishAll(): void {
    const pace = this.stepsPerSecond;
    this.stepsPerSecond = Infinity;
    try {
      this.advance();
    } finally {
      this.stepsPerSecond = pace;
    }
  }

  get(id: string): LongTask | undefined {
    return this.tasks.get(id)?.task;
  }

  /** Tasks in the order they started. */
  list(): LongTask[] {
    return this.order.map((id) => this.tasks.get(id)?.task).filter((t): t is LongTask => t !== undefined);
  }

  percentage(task: LongTask): number {
    return task.total === 0 ? 100 : Math.floor((task.done / task.total) * 100);
  }

  elapsed(task: LongTask): number {
    return Math.max(0, this.model.clock.now() - task.startedAt);
  }
}
