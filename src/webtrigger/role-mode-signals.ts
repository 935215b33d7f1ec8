/**
 * Answers that show the site's role mode changed under the app's cached
 * value: Confluence refusing an individual permission write as
 * "InvalidRbacOperationException" means the site is now roles-only.
 */
import { fetchRoleMode } from '../confluence/roles';
import type { ItemResult } from '../contract/relay-protocol';
import { failPendingPermissionItems } from '../storage/permission-jobs/leases';
import { cacheRoleMode, forgetCachedRoleMode } from '../storage/roles/mode-cache';

export const ROLES_ONLY_REFUSAL = /InvalidRbacOperationException|not supported in roles-only mode/i;

export const NOW_ROLES_ONLY =
  'This site now uses space roles only: Confluence refuses individual permission changes there. Submit this change again as a role.';

/**
 * A reported result that says the site went roles-only: the cached mode is
 * dropped and Confluence asked again; when it confirms ROLES, the other
 * queued individual changes are failed with that reason (each would only
 * stop the relay again), so the relay's next run gets on with the roles.
 */
export async function noteReportedResults(results: readonly ItemResult[], now: number): Promise<void> {
  const signal = results.some(
    (r) => r.outcome === 'failed' && r.message !== undefined && ROLES_ONLY_REFUSAL.test(r.message),
  );
  if (!signal) return;
  await forgetCachedRoleMode();
  const mode = await fetchRoleMode();
  await cacheRoleMode(mode);
  if (mode === 'ROLES') await failPendingPermissionItems(now, NOW_ROLES_ONLY);
}
