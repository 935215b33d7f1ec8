import { route } from '@forge/api';
import { mustGetJson } from './client';
import { CurrentUser } from './schemas';

/**
 * Is the calling user a Confluence admin? Asked as that user: Confluence
 * lists `{operation: 'administer', targetType: 'application'}` among the
 * current user's operations for admins only.
 */
export async function isCallerConfluenceAdmin(): Promise<boolean> {
  const me = await mustGetJson('user', route`/wiki/rest/api/user/current?expand=operations`, CurrentUser);
  return (me.operations ?? []).some((op) => op.operation === 'administer' && op.targetType === 'application');
}
