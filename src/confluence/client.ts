import api from '@forge/api';
import type { z } from 'zod';

/** Who a product call runs as: the calling user (their permissions), or the app. */
export type Actor = 'user' | 'app';

type Route = Parameters<ReturnType<typeof api.asApp>['requestConfluence']>[0];

export class ProductApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProductApiError';
  }
}

function clientFor(actor: Actor) {
  return actor === 'user' ? api.asUser() : api.asApp();
}

/**
 * GETs a Confluence REST resource and checks its answer against `schema`
 * (only the fields the app relies on), so a changed response fails loudly.
 * Answers `undefined` for 404 when `allowNotFound`.
 */
export async function getJson<S extends z.ZodType>(
  actor: Actor,
  path: Route,
  schema: S,
  options: { allowNotFound?: boolean } = {},
): Promise<z.infer<S> | undefined> {
  const response = await clientFor(actor).requestConfluence(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404 && options.allowNotFound) return undefined;
  if (!response.ok) {
    throw new ProductApiError(response.status, `Confluence answered ${response.status} ${response.statusText}`);
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

export async function mustGetJson<S extends z.ZodType>(actor: Actor, path: Route, schema: S): Promise<z.infer<S>> {
  return (await getJson(actor, path, schema)) as z.infer<S>;
}

/** The `cursor` parameter of a v2 `_links.next`, if there is a next page. */
export function nextCursor(links: { next?: string } | undefined): string | undefined {
  if (!links?.next) return undefined;
  return new URL(links.next, 'https://site.invalid').searchParams.get('cursor') ?? undefined;
}
