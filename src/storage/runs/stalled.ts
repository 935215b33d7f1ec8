/**
 * When a run has stalled: nothing can still be working on it. A run that
 * is `queued` or `running` is worked by exactly one chain of queue events;
 * every working attempt saves the run first and after each chunk, and each
 * save stamps `progressAt` (repository.ts). Once no event of that chain can
 * still be alive, the run will never move again: Forge's retries ran out
 * (a consumer that crashes or times out on its last platform retry never
 * reaches `failRun`), or `failRun` itself failed. Readers then show it as
 * `failed` and persist that (repository.ts `settleIfStalled`). Pure.
 */
import type { StoredRun } from './model';

/** Forge's consumer time limit for script runs (manifest.yml `script-run-fn` `timeoutSeconds`). */
export const CONSUMER_TIMEOUT_MS = 600_000;
/** The longest delay a hand-over asks for (Forge "Async events API": `delayInSeconds` at most 900, i.e. 15 minutes). */
export const MAX_EVENT_DELAY_MS = 900_000;
/**
 * How many times Forge retries one event. A guess: the docs name retries but
 * no number; the local emulator uses 4 (local/events/limits.ts). The
 * consumer's own retries (src/scripts/consumer.ts) stop after 3 attempts.
 */
export const PLATFORM_RETRIES = 4;
/**
 * The longest pause before a retry: the consumer asks for 10 s, the platform's
 * own back-off after a crash or timeout is undocumented (a guess: 60 s bounds it).
 */
export const MAX_RETRY_DELAY_MS = 60_000;

/**
 * No progress for this long means no event can still be working on the run:
 * the longest wait for a delayed hand-over, then every attempt of its event
 * (the first and each retry) running to the time limit after the longest
 * pause. 4,200 s: 70 minutes.
 */
export const STALLED_AFTER_MS =
  MAX_EVENT_DELAY_MS + (1 + PLATFORM_RETRIES) * (CONSUMER_TIMEOUT_MS + MAX_RETRY_DELAY_MS);

export const STALLED_MINUTES = Math.round(STALLED_AFTER_MS / 60_000);

export const stalledMessage = (): string =>
  `The run stopped: no progress for ${STALLED_MINUTES} minutes. Start it again to finish the remaining items.`;

/** When the run last moved: its last save, or its start for runs stored before `progressAt` existed. */
export const lastProgressAt = (run: Pick<StoredRun, 'progressAt' | 'startedAtMs'>): number =>
  run.progressAt ?? run.startedAtMs;

/** Unfinished, and nothing can still be working on it at time `at` (ms). */
export function isStalled(run: Pick<StoredRun, 'state' | 'progressAt' | 'startedAtMs'>, at: number): boolean {
  return (run.state === 'queued' || run.state === 'running') && at - lastProgressAt(run) > STALLED_AFTER_MS;
}
