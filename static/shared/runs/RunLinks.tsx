import { Stack, Text } from '@atlaskit/primitives';
import type { ScriptRun } from '../../../src/contract/scripts';

/**
 * What a run left behind (a copied space, a copied page, the permission
 * job it queued), so the person can go and look. Plain text: the job is
 * followed on the admin page's Space permissions tab, the rest in Confluence.
 */
export function RunLinks({ links }: { links: ScriptRun['links'] }) {
  if (!links || (!links.spaceKey && !links.pageId && !links.permissionJobId)) return null;
  return (
    <Stack space="space.050" testId="run-links">
      {links.spaceKey ? <Text as="p">New space: {links.spaceKey}</Text> : null}
      {links.pageId ? <Text as="p">Copied page: {links.pageId}</Text> : null}
      {links.permissionJobId ? (
        <Text as="p">
          Permission change job: {links.permissionJobId} (followed on the admin page, Space permissions tab)
        </Text>
      ) : null}
    </Stack>
  );
}
