import type { ResolverResult } from '../../shared/resolverResult';
import { getConfigPage } from './adminApi';
import type { AdminConfig } from './types';

/** A guard against a resolver that keeps answering with a cursor. */
const MAX_PAGES = 100;
/** A save between two pages makes the cursor stale (CONFLICT): start over, this many times at most. */
const MAX_ATTEMPTS = 3;

/**
 * Loads the whole configuration. `getConfig` answers a large table in pages
 * (`nextCursor`); the cursor pins the version, so pages never mix two saves.
 * If someone saves between two pages, the read starts again from the top.
 */
export async function loadConfig(): Promise<ResolverResult<AdminConfig>> {
  let result: ResolverResult<AdminConfig> = await loadOnce();
  for (let attempt = 1; attempt < MAX_ATTEMPTS && !result.ok && result.error.code === 'CONFLICT'; attempt += 1) {
    result = await loadOnce();
  }
  return result;
}

async function loadOnce(): Promise<ResolverResult<AdminConfig>> {
  const first = await getConfigPage();
  if (!first.ok) return first;
  return completeConfig(first.data);
}

/** Follows `nextCursor` from a first page (from getConfig or saveConfig) until the table is whole. */
export async function completeConfig(first: AdminConfig): Promise<ResolverResult<AdminConfig>> {
  if (!first.nextCursor) return { ok: true, data: { ...first, nextCursor: undefined } };
  const rows = [...first.rows];
  let cursor: string | undefined = first.nextCursor;
  for (let page = 1; cursor && page < MAX_PAGES; page += 1) {
    const next = await getConfigPage(cursor);
    if (!next.ok) return next;
    rows.push(...next.data.rows);
    cursor = next.data.nextCursor ?? undefined;
  }
  return { ok: true, data: { ...first, rows, nextCursor: undefined } };
}
