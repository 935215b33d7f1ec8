import { kvs } from '@forge/kvs';
import type { RoleMode } from '../../contract/permission-changes';

/**
 * The site's space role mode, kept briefly in storage rather than in memory:
 * every invocation of every function shares it (a warm instance is not
 * guaranteed), and a storage read does not count against Confluence's
 * points-based rate limits, which a product call does.
 */
export const ROLE_MODE_KEY = 'roles:mode';
/** The mode moves rarely (a one-way migration), and a refusal re-reads it anyway. */
export const ROLE_MODE_TTL_SECONDS = 60;

export async function cachedRoleMode(): Promise<RoleMode | undefined> {
  return kvs.get<RoleMode>(ROLE_MODE_KEY);
}

export async function cacheRoleMode(mode: RoleMode): Promise<void> {
  await kvs.set(ROLE_MODE_KEY, mode, { ttl: { value: ROLE_MODE_TTL_SECONDS, unit: 'SECONDS' } });
}

export async function forgetCachedRoleMode(): Promise<void> {
  await kvs.delete(ROLE_MODE_KEY);
}
