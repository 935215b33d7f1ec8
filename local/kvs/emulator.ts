/**
 * The emulated Forge KVS / Custom Entity Store service. One instance is one
 * app installation's storage; `handle` answers one platform call the way
 * the service does, behind the same seam the @forge/kvs SDK calls.
 */
import type { KvsContext } from './context';
import { EntityRegistry } from './entities';
import { KvsError, KvsErrorCode } from './errors';
import { ROUTES } from './handlers';
import { type KvsLimits, resolveLimits } from './limits';
import { KvsFaultInjector } from './faults';
import { readSnapshot, SnapshotWriter } from './persistence';
import { RateLimiter } from './rate-limit';
import { byteLength, parseJsonBody } from './request';
import { KvsStore } from './store';
import type { KvsEntityDefinition, KvsHttpResponse } from './types';

export interface KvsEmulatorOptions {
  /** JSON file for the data; absent = memory only. Survives restarts. */
  dataFile?: string;
  /** From manifest.yml app.storage.entities. */
  entities?: KvsEntityDefinition[];
  /** Clock in epoch ms, for TTL and rate-limit tests. */
  now?: () => number;
  /** Defaults are Forge's documented limits. */
  limits?: Partial<KvsLimits>;
  /** How long after a change the data file is written (default 25 ms). */
  persistDebounceMs?: number;
}

export class KvsEmulator {
  readonly limits: KvsLimits;
  /** Injected faults (tests): calls a rule picks answer 429 and change nothing. */
  readonly faults = new KvsFaultInjector();
  private readonly store: KvsStore;
  private readonly registry: EntityRegistry;
  private readonly rateLimiter: RateLimiter;
  private readonly writer: SnapshotWriter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private traceCounter = 0;

  constructor(options: KvsEmulatorOptions = {}) {
    const now = options.now ?? Date.now;
    this.limits = resolveLimits(options.limits);
    this.registry = new EntityRegistry(options.entities, this.limits);
    this.rateLimiter = new RateLimiter(this.limits, now);
    let writer: SnapshotWriter | undefined;
    this.store = new KvsStore(now, () => writer?.markDirty());
    if (options.dataFile) {
      const snapshot = readSnapshot(options.dataFile);
      if (snapshot) this.store.restore(snapshot);
      writer = new SnapshotWriter(options.dataFile, options.persistDebounceMs ?? 25, () => this.store.snapshot());
    }
    this.writer = writer;
  }

  /** One platform call. Calls run one at a time, in arrival order. */
  handle(path: string, bodyText: string): Promise<KvsHttpResponse> {
    const result = this.queue.then(() => this.process(path, bodyText));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Waits until every change so far is in the data file. */
  async flush(): Promise<void> {
    await this.queue;
    await this.writer?.flush();
  }

  /** Flushes and refuses further calls. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /** Wipes all data (and, through persistence, the data file) and rate-limit counters. */
  reset(): void {
    this.store.clear();
    this.rateLimiter.reset();
  }

  /** Records held in memory, expired ones not yet purged included: lets tests see purging. */
  storedRecordCount(): number {
    return this.store.rawSize();
  }

  private process(path: string, bodyText: string): KvsHttpResponse {
    const traceId = (++this.traceCounter).toString(16).padStart(16, '0');
    try {
      if (this.closed) {
        throw new KvsError(500, KvsErrorCode.INTERNAL_SERVER_ERROR, 'The local KVS emulator is closed.');
      }
      const route = ROUTES[path.split('?')[0]];
      if (!route) throw new KvsError(404, KvsErrorCode.NOT_FOUND, `The KVS service has no endpoint ${path}.`);
      this.faults.check(path.split('?')[0] ?? path, bodyText);
      const bodyBytes = byteLength(bodyText);
      this.rateLimiter.admit(route.kind, bodyBytes);
      const body = parseJsonBody(bodyText);
      const ctx: KvsContext = { store: this.store, registry: this.registry, limits: this.limits };
      const result = route.run(ctx, body, bodyBytes);
      if (result.status === 204 || result.json === undefined) {
        return { status: result.status, body: '', headers: { 'x-trace-id': traceId } };
      }
      return {
        status: result.status,
        body: JSON.stringify(result.json),
        headers: { 'content-type': 'application/json', 'x-trace-id': traceId },
      };
    } catch (error) {
      const e =
        error instanceof KvsError
          ? error
          : new KvsError(
              500,
              KvsErrorCode.INTERNAL_SERVER_ERROR,
              `An internal server error has occurred: ${String(error)}`,
            );
      return {
        status: e.status,
        body: JSON.stringify({ code: e.code, message: e.message }),
        headers: { 'content-type': 'application/json', 'x-trace-id': traceId },
      };
    }
  }
}

/** A fetch Response for a KvsHttpResponse (a 204 carries no body). */
export function toFetchResponse(r: KvsHttpResponse): Response {
  const noBody = r.status === 204 || r.status === 304;
  return new Response(noBody ? null : r.body, { status: r.status, headers: r.headers });
}
