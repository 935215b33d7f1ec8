/**
 * The site's space role mode as the resolvers use it: kept briefly in
 * storage (src/storage/roles/mode-cache.ts), asked of Confluence when not
 * kept or when `fresh` (before a refusal is made from it).
 */
import { fetchRoleMode } from '../confluence/roles';
import type { RoleMode } from '../contract/permission-changes';
import { cachedRoleMode, cacheRoleMode } from '../storage/roles/mode-cache';

export async function roleMode(options: { fresh?: boolean } = {}): Promise<RoleMode> {
  if (!options.fresh) {
    const cached = await cachedRoleMode();
    if (cached) return cached;
  }
  const mode = await fetchRoleMode();
  await cacheRoleMode(mode);
  return mode;
}
