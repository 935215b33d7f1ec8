/**
 * The queue script runs go through (manifest.yml `consumer` on queue
 * `script-runs`). Each event names a run and the token that lets it work
 * on the run; nothing else travels in the event, so it stays far below
 * Forge's 100 KB an event for long-running consumers.
 */
import { Queue } from '@forge/events';
import { MAX_DELAY_SECONDS } from './limits';

export const RUN_QUEUE_KEY = 'script-runs';

export interface RunEventBody {
  runId: string;
  token: string;
  [key: string]: unknown;
}

const queue = new Queue({ key: RUN_QUEUE_KEY });

export async function pushRunEvent(body: RunEventBody, delayInSeconds = 0): Promise<void> {
  const delay = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delayInSeconds)));
  await queue.push({ body, ...(delay > 0 ? { delayInSeconds: delay } : {}) });
}

export function isRunEventBody(value: unknown): value is RunEventBody {
  const body = value as Partial<RunEventBody> | null;
  return typeof body?.runId === 'string' && typeof body.token === 'string';
}
