import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { CallRecorder } from './call-recorder';

/** What Forge knows about one running function invocation. */
export type InvocationKind = 'resolver' | 'webtrigger';

export interface Invocation {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  /** The user the invocation runs for; absent for web triggers and anonymous viewers. */
  accountId?: string;
  startedAt: number;
  calls: CallRecorder;
}

/**
 * Forge's documented invocation time limits: 25 s for resolver calls from
 * Custom UI, 55 s for web triggers.
 */
export const INVOCATION_TIME_LIMIT_MS: Record<InvocationKind, number> = {
  resolver: 25_000,
  webtrigger: 55_000,
};

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
}

/**
 * Runs `body` as one invocation: platform calls made inside it (however
 * deeply awaited) are attributed to it, and it is cut off at the time limit.
 */
export async function runInvocation<T>(
  init: InvocationInit,
  body: (invocation: Invocation) => Promise<T>,
): Promise<{ result: T; invocation: Invocation }> {
  const invocation: Invocation = {
    id: randomUUID(),
    kind: init.kind,
    moduleKey: init.moduleKey,
    functionKey: init.functionKey,
    accountId: init.accountId,
    startedAt: Date.now(),
    calls: new CallRecorder(),
  };
  const limitMs = init.timeLimitMs ?? INVOCATION_TIME_LIMIT_MS[init.kind];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InvocationTimeoutError(invocation, limitMs)), limitMs);
  });
  try {
    const result = await Promise.race([store.run(invocation, () => body(invocation)), timeout]);
    return { result, invocation };
  } finally {
    clearTimeout(timer);
  }
}
