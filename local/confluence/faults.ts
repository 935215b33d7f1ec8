// Fault injection for tests: make chosen requests fail the way a real site
// or network can (429 with Retry-After, 5xx, dropped connections, slow
// answers). Off unless a test adds a rule.
import type { Caller } from './site';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  /** `before`: the request never reaches the site; `after`: it is applied, then the answer is lost. */
  | { kind: 'drop'; when: 'before' | 'after' }
  | { kind: 'delay'; ms: number }
  /**
   * A site whose "fixed system limits" cap v1 pages lower than asked: the
   * request's `limit` is lowered to this before it is answered, so the page
   * holds fewer results than the caller asked for.
   */
  | { kind: 'pageLimit'; limit: number };

export interface FaultRule {
  fault: Fault;
  /** e.g. 'POST'; any method when absent. */
  method?: string;
  /** Matches the path without the query string: a prefix string or a RegExp. */
  path?: string | RegExp;
  /** Only callers of this kind (the relay is a 'user'; the app is 'app'). */
  caller?: Caller['kind'];
  /** Fire on at most this many matching requests, then stop. */
  times?: number;
  /** Fire with this probability (0..1), from the injector's seeded generator. */
  probability?: number;
}

export interface InjectedFault {
  method: string;
  path: string;
  fault: Fault;
}

/** Thrown by the emulator for a dropped connection; an HTTP server destroys the socket. */
export class ConnectionDropped extends Error {
  override readonly name = 'ConnectionDropped';
  constructor(readonly when: 'before' | 'after') {
    super(`Connection dropped by fault injection (${when} the request was handled)`);
  }
}

/** mulberry32: small, seeded, good enough to make fault patterns repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: { rule: FaultRule; fired: number }[] = [];
  private random: () => number = seeded(1);
  /** Every fault injected so far, in order. */
  readonly injected: InjectedFault[] = [];

  add(rule: FaultRule): this {
    this.rules.push({ rule, fired: 0 });
    return this;
  }

  seed(seed: number): this {
    this.random = seeded(seed);
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults for this request, at most one of each kind, first matching rule wins per kind. */
  pick(method: string, pathname: string, caller: Caller): Fault[] {
    const out: Fault[] = [];
    for (const entry of this.rules) {
      const { rule } = entry;
      if (out.some((f) => f.kind === rule.fault.kind)) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.caller && rule.caller !== caller.kind) continue;
      if (typeof rule.path === 'string' && !pathname.startsWith(rule.path)) continue;
      if (rule.path instanceof RegExp && !rule.path.test(pathname)) continue;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      entry.fired += 1;
      out.push(rule.fault);
      this.injected.push({ method, path: pathname, fault: rule.fault });
    }
    return out;
  }
}
