/**
 * Answers that show the site's role mode changed under the app's cached
 * value: Confluence refusing an individual permission write as
 * "InvalidRbacOperationException" means the site is now roles-only.
 */
import type { ItemResult } from '../contract/relay-protocol';
import { forgetCachedRoleMode } from '../storage/roles/mode-cache';

export const ROLES_ONLY_REFUSAL = /InvalidRbacOperationException|not supported in roles-only mode/i;

/** A reported result that says the site went roles-only drops the cached mode, so the next read asks Confluence. */
export async function noteReportedResults(results: readonly ItemResult[]): Promise<void> {
  if (results.some((r) => r.outcome === 'failed' && r.message !== undefined && ROLES_ONLY_REFUSAL.test(r.message)))
    await forgetCachedRoleMode();
}
