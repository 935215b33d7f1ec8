import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScriptRunSummary } from '../../../../src/contract/scripts';
import type { ResolverError } from '../../../shared/resolverResult';
import { listScriptRuns } from '../api';
import { appendOlderPage, mergeFirstPage, unfinishedRuns } from './runList';

/** How often the list is read again while one of its runs is under way. */
const LIST_REFRESH_MS = 2000;

export interface SpaceRuns {
  status: 'loading' | 'ready' | 'failed';
  runs: ScriptRunSummary[];
  error?: ResolverError;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  refresh: () => void;
}

/**
 * This space's runs, newest first (`listScriptRuns`). While any listed run
 * is queued or running, the first page is read again every LIST_REFRESH_MS,
 * so progress moves and a run that was under way when the page was
 * (re)opened is followed to its end. Nothing is read while `enabled` is
 * false (another view is shown, or the viewer is not a space admin); the
 * list is read again when it becomes true.
 */
export function useSpaceRuns(enabled: boolean): SpaceRuns {
  const [status, setStatus] = useState<SpaceRuns['status']>('loading');
  const [runs, setRuns] = useState<ScriptRunSummary[]>([]);
  const [error, setError] = useState<ResolverError | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [tick, setTick] = useState(0);
  const olderLoaded = useRef(false);

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void listScriptRuns().then((result) => {
      if (!live) return;
      if (!result.ok) {
        setError(result.error);
        setStatus((current) => (current === 'ready' ? 'ready' : 'failed'));
        return;
      }
      setError(undefined);
      setRuns((current) => mergeFirstPage(current, result.data.runs));
      // Once older pages are shown, their cursor is the one to keep.
      if (!olderLoaded.current) setCursor(result.data.nextCursor);
      setStatus('ready');
    });
    return () => {
      live = false;
    };
  }, [tick, enabled]);

  const following = unfinishedRuns(runs).length > 0;
  useEffect(() => {
    if (!enabled || !following || status !== 'ready') return undefined;
    const timer = setTimeout(() => setTick((n) => n + 1), LIST_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [enabled, following, status, runs]);

  const loadOlder = useCallback(() => {
    if (!cursor) return;
    setLoadingOlder(true);
    void listScriptRuns(cursor).then((result) => {
      setLoadingOlder(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      olderLoaded.current = true;
      setRuns((current) => appendOlderPage(current, result.data.runs));
      setCursor(result.data.nextCursor);
    });
  }, [cursor]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { status, runs, error, hasOlder: Boolean(cursor), loadingOlder, loadOlder, refresh };
}
