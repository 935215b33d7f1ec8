/**
 * Space roles (DESIGN section 9), read as the app: the site's role mode, its
 * roles and a space's role assignments, every page. Reference: Confluence
 * REST v2 "Space Roles" (GET /space-role-mode needs
 * read:configuration:confluence; the other two read:space.permission:confluence).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { mustGetJson, nextCursor } from './client';
import { RoleMode } from '../contract/permission-changes';
import type { SiteRole } from '../contract/permission-changes';

const ModeAnswer = z.object({ mode: RoleMode });
const RoleV2 = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().optional(),
  description: z.string().optional(),
  spacePermissions: z.array(z.string()).nullish(),
});
const RolePage = z.object({ results: z.array(RoleV2), _links: z.object({ next: z.string().optional() }).optional() });
const AssignmentV2 = z.object({
  principal: z.object({ principalType: z.string(), principalId: z.string() }),
  roleId: z.string().optional(),
});
const AssignmentPage = z.object({
  results: z.array(AssignmentV2),
  _links: z.object({ next: z.string().optional() }).optional(),
});

export interface RoleAssignment {
  principal: { principalType: string; principalId: string };
  roleId?: string;
}

/** The site's role mode, asked of Confluence (src/resolvers/role-mode.ts keeps it briefly). */
export async function fetchRoleMode(): Promise<RoleMode> {
  return (await mustGetJson('app', route`/wiki/api/v2/space-role-mode`, ModeAnswer)).mode;
}

/** Every role of the site, all pages, in Confluence's order. */
export async function listRoles(): Promise<SiteRole[]> {
  const out: SiteRole[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustGetJson('app', route`/wiki/api/v2/space-roles?limit=250&cursor=${cursor}`, RolePage)
      : await mustGetJson('app', route`/wiki/api/v2/space-roles?limit=250`, RolePage);
    for (const r of page.results)
      out.push({
        id: r.id,
        name: r.name,
        ...(r.type ? { type: r.type } : {}),
        ...(r.description ? { description: r.description } : {}),
        spacePermissions: r.spacePermissions ?? [],
      });
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

/** Every role assignment of a space, all pages. */
export async function spaceRoleAssignments(spaceId: string): Promise<RoleAssignment[]> {
  const out: RoleAssignment[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustGetJson(
          'app',
          route`/wiki/api/v2/spaces/${spaceId}/role-assignments?limit=250&cursor=${cursor}`,
          AssignmentPage,
        )
      : await mustGetJson('app', route`/wiki/api/v2/spaces/${spaceId}/role-assignments?limit=250`, AssignmentPage);
    out.push(...page.results);
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

/** "administer/space" as the role endpoints write a permission. */
export const ADMINISTER_SPACE = 'administer/space';
