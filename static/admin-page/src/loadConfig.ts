import { invokeResolver } from '../../shared/invokeResolver';
import type { ResolverResult } from '../../shared/resolverResult';
import { isAdminConfig, type AdminConfig } from './types';

/** A guard against a resolver that keeps answering with a cursor. */
const MAX_PAGES = 50;

/**
 * Loads the whole configuration. `getConfig` answers a large table in pages
 * (`nextCursor`); the cursor pins the version, so pages never mix two saves
 * (a save in between answers CONFLICT, shown with Retry).
 */
export async function loadConfig(): Promise<ResolverResult<AdminConfig>> {
  const first = await invokeResolver<AdminConfig>('getConfig', {}, isAdminConfig);
  if (!first.ok) return first;
  const rows = [...first.data.rows];
  let cursor = first.data.nextCursor;
  for (let page = 1; cursor && page < MAX_PAGES; page += 1) {
    const next = await invokeResolver<AdminConfig>('getConfig', { cursor }, isAdminConfig);
    if (!next.ok) return next;
    rows.push(...next.data.rows);
    cursor = next.data.nextCursor;
  }
  return { ok: true, data: { ...first.data, rows, nextCursor: undefined } };
}
