/**
 * When to ask for a run again while following it. Pure: no timers here.
 * Forge counts resolver invocations, so a page asks about once a second
 * while a run moves, backs off when asking fails, and stops once the run
 * is finished or asking cannot help.
 */
import type { RunState } from '../../../src/contract/scripts';
import type { ResolverErrorCode } from '../resolverResult';
import { isRunFinished } from './runText';

export const POLL_INTERVAL_MS = 1000;
export const MAX_POLL_BACKOFF_MS = 15_000;

/** Milliseconds until the next read, or undefined to stop following. */
export function nextPollDelay(
  last: { state: RunState } | undefined,
  error: { code: ResolverErrorCode } | undefined,
  failuresInARow: number,
): number | undefined {
  if (error) {
    // The run is gone or no longer the viewer's to read: asking again cannot help.
    if (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST') return undefined;
    return Math.min(MAX_POLL_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** Math.max(0, failuresInARow));
  }
  if (last && isRunFinished(last.state)) return undefined;
  return POLL_INTERVAL_MS;
}
