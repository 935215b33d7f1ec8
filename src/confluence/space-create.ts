/**
 * Creates a space as the app (v1 "Create space": `POST /wiki/rest/api/space`;
 * there is no copy-space endpoint). Given `permissions`, Confluence creates
 * the space "with only the provided set of permissions": the run passes the
 * person who asked for the copy as its admin, so the app creating it never
 * leaves them without access. Scope: write:space:confluence
 * (with read:space:confluence).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { sendJson } from './send';

const Id = z.union([z.string(), z.number()]).transform(String);
const CreatedSpace = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  homepage: z.object({ id: Id }).nullable().optional(),
});
export type CreatedSpace = z.infer<typeof CreatedSpace>;

/** Every space permission a creator holds (v1 SpacePermission operation/targetType pairs). */
export const CREATOR_OPERATIONS: readonly { key: string; target: string }[] = [
  { key: 'read', target: 'space' },
  { key: 'create', target: 'page' },
  { key: 'create', target: 'blogpost' },
  { key: 'create', target: 'comment' },
  { key: 'create', target: 'attachment' },
  { key: 'delete', target: 'page' },
  { key: 'delete', target: 'blogpost' },
  { key: 'delete', target: 'comment' },
  { key: 'delete', target: 'attachment' },
  { key: 'delete', target: 'space' },
  { key: 'export', target: 'space' },
  { key: 'administer', target: 'space' },
  { key: 'restrict_content', target: 'space' },
  // The Admin role grants it too: without it the runner could not pass the Admin role on to others
  // ("grant what you have", DESIGN section 9) when the relay applies a copied space's roles as them.
  { key: 'archive', target: 'page' },
];

export async function createSpaceFor(
  owner: string,
  space: { key: string; name: string; description: string },
): Promise<CreatedSpace> {
  const answer = await sendJson(
    'POST',
    route`/wiki/rest/api/space`,
    {
      key: space.key,
      name: space.name,
      description: { plain: { value: space.description, representation: 'plain' } },
      permissions: CREATOR_OPERATIONS.map((op) => ({
        subjects: { user: { results: [{ accountId: owner }] } },
        operation: { operation: op.key, targetType: op.target },
      })),
    },
    CreatedSpace,
  );
  return answer.data;
}
