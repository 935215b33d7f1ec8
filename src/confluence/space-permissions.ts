import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, mustGetJson, nextCursor } from './client';
import { SpacePageV2 } from './schemas';
import type { SpaceRef } from './spaces';

/**
 * Reads for the space-permission preview, as the app: the v2 API, which
 * apps may call (the v1 write endpoints they may not; the relay does those).
 */
const Assignment = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  principal: z.object({ type: z.string(), id: z.string().nullable().optional() }),
  operation: z.object({ key: z.string(), targetType: z.string() }),
});
const AssignmentPage = z.object({
  results: z.array(Assignment),
  _links: z.object({ next: z.string().optional() }).optional(),
});

export interface SpaceAssignment {
  id: string;
  subject: { type: string; id: string };
  operation: { key: string; target: string };
}

/** At most this many keys per v2 /spaces call (the endpoint pages by 250). */
const KEYS_PER_CALL = 50;

export async function spacesByKeys(keys: readonly string[]): Promise<SpaceRef[]> {
  const out: SpaceRef[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_CALL) {
    const batch = keys.slice(i, i + KEYS_PER_CALL).join(',');
    const page = await mustGetJson('app', route`/wiki/api/v2/spaces?keys=${batch}&limit=250`, SpacePageV2);
    out.push(...page.results);
  }
  return out;
}

/** Every permission assignment of a space, all pages. */
export async function spaceAssignments(spaceId: string): Promise<SpaceAssignment[]> {
  const out: SpaceAssignment[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustGetJson(
          'app',
          route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250&cursor=${cursor}`,
          AssignmentPage,
        )
      : await mustGetJson('app', route`/wiki/api/v2/spaces/${spaceId}/permissions?limit=250`, AssignmentPage);
    for (const a of page.results) {
      if (!a.principal.id) continue;
      out.push({
        id: a.id,
        subject: { type: a.principal.type, id: a.principal.id },
        operation: { key: a.operation.key, target: a.operation.targetType },
      });
    }
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

const GroupById = z.object({ id: z.string(), name: z.string() });

/** A group by id, or undefined when Confluence knows no such group. */
export async function findGroup(groupId: string): Promise<{ id: string; name: string } | undefined> {
  return getJson('app', route`/wiki/rest/api/group/by-id?id=${groupId}`, GroupById, { allowNotFound: true });
}
