/**
 * Fault injection for tests: make chosen KVS calls answer the way a busy
 * Forge storage does (429 RATE_LIMIT_EXCEEDED, "Error handling for the
 * Key-Value Store"), without the wait a real rate limit needs. Off unless a
 * test adds a rule; a refused call changes nothing.
 */
import { KvsError, KvsErrorCode } from './errors';

export interface KvsFaultRule {
  /** The endpoint, e.g. '/api/v1/batch/set'. */
  path: string;
  /** Only calls whose request body matches (e.g. a key prefix). */
  body?: RegExp;
  /** Let this many matching calls through first. */
  skip?: number;
  /** Refuse at most this many matching calls (after `skip`), then stop. */
  times?: number;
}

export class KvsFaultInjector {
  private rules: { rule: KvsFaultRule; seen: number; fired: number }[] = [];
  /** How many calls each rule refused, in the order the rules were added. */
  get fired(): number[] {
    return this.rules.map((r) => r.fired);
  }

  add(rule: KvsFaultRule): this {
    this.rules.push({ rule, seen: 0, fired: 0 });
    return this;
  }

  clear(): void {
    this.rules = [];
  }

  /** Throws the fault for this call, if a rule picks it. */
  check(path: string, bodyText: string): void {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.path !== path || (rule.body && !rule.body.test(bodyText))) continue;
      entry.seen += 1;
      if (entry.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && entry.fired >= rule.times) continue;
      entry.fired += 1;
      throw new KvsError(429, KvsErrorCode.RATE_LIMIT_EXCEEDED, 'Rate limit exceeded (injected fault).');
    }
  }
}
