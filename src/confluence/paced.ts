import api from '@forge/api';
import type { z } from 'zod';
import { ProductApiError } from './client';

type Route = Parameters<ReturnType<typeof api.asApp>['requestConfluence']>[0];

/**
 * Confluence's points-based rate limits answer 429 with `Retry-After`
 * (seconds). A run's calls share one pause: when any call is told to wait,
 * every call of the invocation waits until then, so concurrency backs off
 * as a whole instead of each lane hammering on.
 *
 * A wait longer than the caller may spend in this invocation is not slept:
 * `RateLimitedError` carries it to the run engine, which saves its place and
 * continues in a new event pushed with `delayInSeconds`.
 */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Confluence asked the app to wait ${retryAfterSeconds} s (429)`);
    this.name = 'RateLimitedError';
  }
}

/** The longest 429 wait slept in place; longer ones end the invocation (see above). */
export const MAX_INLINE_WAIT_SECONDS = 10;
/** Retries of one call after 429s slept in place. */
const MAX_TRIES = 5;

let pausedUntil = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from a `Retry-After` header (seconds or an HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, nowMs: number = Date.now()): number {
  if (!header) return 1;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - nowMs) / 1000)) : 1;
}

export interface PacedAnswer {
  status: number;
  json(): Promise<unknown>;
}

/** One Confluence call as the app, paced on 429. */
export async function pacedRequest(path: Route, init: { method?: string; body?: string } = {}): Promise<PacedAnswer> {
  for (let attempt = 1; ; attempt++) {
    const wait = pausedUntil - Date.now();
    if (wait > 0) await sleep(wait);
    const response = await api.asApp().requestConfluence(path, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
      ...(init.body ? { body: init.body } : {}),
    });
    if (response.status !== 429) return response;
    const seconds = retryAfterSeconds(response.headers.get('retry-after'));
    if (seconds > MAX_INLINE_WAIT_SECONDS || attempt >= MAX_TRIES) throw new RateLimitedError(Math.max(1, seconds));
    pausedUntil = Math.max(pausedUntil, Date.now() + seconds * 1000);
  }
}

/** A paced GET checked against `schema`; `undefined` for 404 (gone, or not visible to the app). */
export async function pacedGet<S extends z.ZodType>(path: Route, schema: S): Promise<z.infer<S> | undefined> {
  const response = await pacedRequest(path);
  if (response.status === 404) return undefined;
  if (response.status < 200 || response.status >= 300) {
    throw new ProductApiError(response.status, `Confluence answered ${response.status}`);
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ProductApiError(
      502,
      `Confluence answered a shape the app does not understand: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}
