/**
 * Confluence calls as the app for the tree scripts, paced like the engine's
 * own (src/confluence/paced.ts): a 429 with a short `Retry-After` is slept
 * in place, a longer one throws RateLimitedError, which the engine turns
 * into a delayed hand-over (work items are idempotent, so they are simply
 * applied again). Answers are checked against a schema of the fields used.
 */
import api from '@forge/api';
import type { z } from 'zod';
import { ProductApiError } from './client';
import { MAX_INLINE_WAIT_SECONDS, RateLimitedError, retryAfterSeconds } from './paced';

type Route = Parameters<ReturnType<typeof api.asApp>['requestConfluence']>[0];
type RequestInit = NonNullable<Parameters<ReturnType<typeof api.asApp>['requestConfluence']>[1]>;

const MAX_TRIES = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One call as the app; 429s handled as the header says. */
export async function appRequest(path: Route, init: RequestInit = {}) {
  for (let attempt = 1; ; attempt++) {
    const response = await api.asApp().requestConfluence(path, init);
    if (response.status !== 429) return response;
    const seconds = retryAfterSeconds(response.headers.get('retry-after'));
    if (seconds > MAX_INLINE_WAIT_SECONDS || attempt >= MAX_TRIES) throw new RateLimitedError(Math.max(1, seconds));
    await sleep(seconds * 1000);
  }
}

/** Confluence's error body in words: v1 `{message}`, v2 `{errors: [{title, detail}]}`. */
async function errorText(response: { status: number; statusText: string; text(): Promise<string> }): Promise<string> {
  const raw = await response.text().catch(() => '');
  try {
    const body = JSON.parse(raw) as { message?: string; errors?: { title?: string; detail?: string }[] };
    const v2 = body.errors?.[0];
    const said = body.message ?? v2?.detail ?? v2?.title;
    if (said) return said;
  } catch {
    // not JSON: the status line says it
  }
  return `Confluence answered ${response.status} ${response.statusText}`;
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ProductApiError(
      502,
      `Confluence answered a shape the app does not understand: ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

/** A GET as the app; `undefined` for 404 when `allowNotFound`. */
export async function appGet<S extends z.ZodType>(
  path: Route,
  schema: S,
  options: { allowNotFound?: boolean } = {},
): Promise<z.infer<S> | undefined> {
  const response = await appRequest(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404 && options.allowNotFound) return undefined;
  if (!response.ok) throw new ProductApiError(response.status, await errorText(response));
  return checked(schema, await response.json());
}

export async function mustAppGet<S extends z.ZodType>(path: Route, schema: S): Promise<z.infer<S>> {
  return (await appGet(path, schema)) as z.infer<S>;
}

/**
 * A write (POST, PUT, DELETE) as the app with a JSON body. A refusal throws
 * ProductApiError with Confluence's own message, so a person reads why.
 */
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'DELETE',
  path: Route,
  body: unknown,
  schema: S,
): Promise<{ status: number; data: z.infer<S> }> {
  const response = await appRequest(path, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new ProductApiError(response.status, await errorText(response));
  const text = await response.text();
  return { status: response.status, data: checked(schema, text === '' ? {} : JSON.parse(text)) };
}
