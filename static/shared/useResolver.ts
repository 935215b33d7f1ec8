import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError, ResolverResult } from './resolverResult';

export type ResolverState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ResolverError };

/**
 * Runs `call` once when the component mounts, and again each time `retry` is
 * called. `call` is read when a run starts, so an inline function is fine.
 */
export function useResolver<T>(call: () => Promise<ResolverResult<T>>): {
  state: ResolverState<T>;
  retry: () => void;
} {
  const [state, setState] = useState<ResolverState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latestCall = useRef(call);
  useEffect(() => {
    latestCall.current = call;
  });

  useEffect(() => {
    let current = true;
    latestCall
      .current()
      .then((result) => {
        if (!current) return;
        setState(result.ok ? { status: 'ready', data: result.data } : { status: 'failed', error: result.error });
      })
      .catch((thrown: unknown) => {
        // invokeResolver never rejects; this guards a caller's own code.
        if (!current) return;
        const message = thrown instanceof Error ? thrown.message : 'Something went wrong.';
        setState({ status: 'failed', error: { code: 'INTERNAL', message } });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
