import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { CallRecorder } from './call-recorder';

/** What Forge knows about one running function invocation. */
export type InvocationKind = 'resolver' | 'webtrigger' | 'consumer';

export interface Invocation {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  /** The user the invocation runs for; absent for web triggers and anonymous viewers. */
  accountId?: string;
  startedAt: number;
  /** For a consumer: how many events led to this one (Forge's cyclic invocation limit counts them). */
  eventChain?: number;
  /** This invocation's time limit (a consumer's comes from its function's `timeoutSeconds`). */
  limitMs: number;
  calls: CallRecorder;
  /**
   * Set when the host has ended the invocation (time limit, or a test's
   * injected crash). A dead invocation's process is gone on Forge: from
   * then on none of its platform calls is made or answered.
   */
  ended?: InvocationEnd;
  /** Ends the invocation now, as a crash or a timeout would: its caller sees the matching error. */
  end(reason: InvocationEnd): void;
  /** The host's hook after each platform call has been made (tests use it to crash an invocation mid-work). */
  afterCall?: (call: { kind: string; label: string }) => void;
}

/** Why the host ended an invocation before its function returned. */
export type InvocationEnd = 'timeout' | 'crash';

/**
 * Forge's documented invocation time limits: 25 s for resolver calls from
 * Custom UI, 55 s for web triggers.
 */
export const INVOCATION_TIME_LIMIT_MS: Record<InvocationKind, number> = {
  resolver: 25_000,
  webtrigger: 55_000,
  // Async event consumers: 55 s unless the function sets `timeoutSeconds` (at most 900).
  consumer: 55_000,
};

/** An invocation that a test crashed on purpose (the process died: no answer, no further calls). */
export class InvocationCrashedError extends Error {
  constructor(readonly invocation: Invocation) {
    super(`Function invocation ${invocation.id} crashed`);
    this.name = 'InvocationCrashedError';
  }
}

export class InvocationTimeoutError extends Error {
  constructor(
    readonly invocation: Invocation,
    readonly limitMs: number,
  ) {
    super(`Function invocation ${invocation.id} exceeded the ${limitMs / 1000} s time limit`);
    this.name = 'InvocationTimeoutError';
  }
}

const store = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return store.getStore();
}

export interface InvocationInit {
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  accountId?: string;
  timeLimitMs?: number;
  eventChain?: number;
}

/**
 * Runs `body` as one invocation: platform calls made inside it (however
 * deeply awaited) are attributed to it, and it is cut off at the time limit.
 */
export async function runInvocation<T>(
  init: InvocationInit,
  body: (invocation: Invocation) => Promise<T>,
): Promise<{ result: T; invocation: Invocation }> {
  const limitMs = init.timeLimitMs ?? INVOCATION_TIME_LIMIT_MS[init.kind];
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const invocation: Invocation = {
    id: randomUUID(),
    kind: init.kind,
    moduleKey: init.moduleKey,
    functionKey: init.functionKey,
    accountId: init.accountId,
    eventChain: init.eventChain,
    startedAt: Date.now(),
    limitMs,
    calls: new CallRecorder(),
    end(reason) {
      if (invocation.ended) return;
      invocation.ended = reason;
      stop(
        reason === 'timeout' ? new InvocationTimeoutError(invocation, limitMs) : new InvocationCrashedError(invocation),
      );
    },
  };
  const timer = setTimeout(() => invocation.end('timeout'), limitMs);
  try {
    const result = await Promise.race([store.run(invocation, () => body(invocation)), stopped]);
    return { result, invocation };
  } finally {
    clearTimeout(timer);
  }
}
