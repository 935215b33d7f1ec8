import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScriptRun } from '../../../src/contract/scripts';
import type { ResolverError, ResolverResult } from '../resolverResult';
import { nextPollDelay } from './runPolling';

export interface PolledRun {
  /** The latest answer; kept while a later read fails. */
  run?: ScriptRun;
  /** The last read's error, cleared by the next good read. */
  error?: ResolverError;
  /** Reads now (after a cancel, or Retry once following stopped). */
  refresh: () => void;
}

interface Reading {
  runId: string;
  run?: ScriptRun;
  error?: ResolverError;
}

/**
 * Follows one run: reads it now, then again on `nextPollDelay`'s schedule
 * until it is finished. Changing `runId` starts over.
 */
export function usePolledRun(
  runId: string,
  fetchRun: (runId: string) => Promise<ResolverResult<ScriptRun>>,
): PolledRun {
  const [reading, setReading] = useState<Reading>({ runId });
  const [attempt, setAttempt] = useState(0);
  const fetchRef = useRef(fetchRun);
  useEffect(() => {
    fetchRef.current = fetchRun;
  });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failuresInARow = 0;
    const read = async () => {
      const result = await fetchRef.current(runId);
      if (!live) return;
      let delay: number | undefined;
      if (result.ok) {
        failuresInARow = 0;
        setReading({ runId, run: result.data });
        delay = nextPollDelay(result.data, undefined, 0);
      } else {
        const error = result.error;
        setReading((current) => ({ runId, run: current.runId === runId ? current.run : undefined, error }));
        delay = nextPollDelay(undefined, error, failuresInARow);
        failuresInARow += 1;
      }
      if (delay !== undefined) timer = setTimeout(() => void read(), delay);
    };
    void read();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [runId, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  // A reading of another run (runId just changed) is not this one's.
  const mine = reading.runId === runId ? reading : { runId };
  return { run: mine.run, error: mine.error, refresh };
}
