/**
 * Who applies a queued change in Confluence. Today always the relay: the v1
 * permission writes say "Apps cannot access this REST resource", and nobody
 * has shown an app calling POST /wiki/api/v2/spaces/{id}/role-assignments
 * successfully (the endpoint carries no such note). Items record their path,
 * and only `relay` items are leased, so a later switch can send role items
 * to an `app` path (a queue consumer calling the endpoint as the app) without
 * changing the item shape or what the relay sees. That path is not built.
 */
import type { ApplyPath } from '../contract/permission-changes';

/** The one switch: where new role items go. Off ('relay') until the direct path exists and is proven. */
export const ROLE_APPLY_PATH: ApplyPath = 'relay';

export const applyPathFor = (kind: 'permission' | 'role'): ApplyPath => (kind === 'role' ? ROLE_APPLY_PATH : 'relay');
