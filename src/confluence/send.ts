import api from '@forge/api';
import type { z } from 'zod';
import { Actor, ProductApiError } from './client';

type Route = Parameters<ReturnType<typeof api.asApp>['requestConfluence']>[0];

export interface SendAnswer<T> {
  status: number;
  data: T;
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
    // not JSON: fall through to the status line
  }
  return `Confluence answered ${response.status} ${response.statusText}`;
}

/**
 * A Confluence write (POST, PUT, DELETE) with a JSON body, its answer checked
 * against `schema` when there is one. A refusal throws ProductApiError with
 * Confluence's own message, so a script can tell a person why.
 */
export async function sendJson<S extends z.ZodType>(
  actor: Actor,
  method: 'POST' | 'PUT' | 'DELETE',
  path: Route,
  body: unknown,
  schema: S,
): Promise<SendAnswer<z.infer<S>>> {
  const client = actor === 'user' ? api.asUser() : api.asApp();
  const response = await client.requestConfluence(path, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new ProductApiError(response.status, await errorText(response));
  const text = await response.text();
  const parsed = schema.safeParse(text === '' ? {} : JSON.parse(text));
  if (!parsed.success) {
    throw new ProductApiError(
      502,
      `Confluence answered a shape the app does not understand: ${parsed.error.issues[0]?.message}`,
    );
  }
  return { status: response.status, data: parsed.data };
}
