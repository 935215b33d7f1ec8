// The site's content: its store, the permission rules over it, its long
// tasks and the clock they all read. The Site owns one (`site.content`).
import type { Site } from '../site';
import { ContentAccess } from './access';
import { LongTasks } from './long-tasks';
import { ContentStore } from './store';

/** An injected clock: tests swap in a manual one to move long tasks along. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: `clock.advance(5000)`. */
export class ManualClock implements Clock {
  constructor(private time = Date.parse('2026-01-05T09:00:00Z')) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export class ContentModel {
  readonly store: ContentStore;
  readonly access: ContentAccess;
  readonly tasks: LongTasks;
  clock: Clock = systemClock;

  constructor(readonly site: Site) {
    this.store = new ContentStore(site.directory);
    this.access = new ContentAccess(site, this.store);
    this.tasks = new LongTasks(this);
  }

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
