/**
 * The preview of a role change, from the spaces' current role assignments.
 * Pure. A principal holds at most one role per space, so each (space,
 * subject) is one row: new, role A -> role B, removed, or already so.
 */
import type { NamedSubject, RolePlanRow, RoleRef, RoleTransition, SiteRole } from '../contract/permission-changes';

export interface RolePlanSpace {
  id: string;
  key: string;
  name: string;
  assignments: { principal: { principalType: string; principalId: string }; roleId?: string }[];
}

const principalTypeOf = (subject: NamedSubject): string => (subject.type === 'user' ? 'USER' : 'GROUP');

function refOf(roleId: string | undefined | null, roles: readonly SiteRole[]): RoleRef | null {
  if (!roleId) return null;
  return { id: roleId, name: roles.find((r) => r.id === roleId)?.name ?? roleId };
}

function transitionOf(from: RoleRef | null, to: RoleRef | null): RoleTransition {
  if (from?.id === to?.id) return 'already';
  if (!from) return 'new';
  return to ? 'changed' : 'removed';
}

export function planRoleChanges(
  spaces: readonly RolePlanSpace[],
  subjects: readonly NamedSubject[],
  roleId: string | null,
  roles: readonly SiteRole[],
): RolePlanRow[] {
  const to = refOf(roleId, roles);
  const rows: RolePlanRow[] = [];
  for (const space of spaces) {
    for (const subject of subjects) {
      const current = space.assignments.find(
        (a) => a.principal.principalType === principalTypeOf(subject) && a.principal.principalId === subject.id,
      );
      const from = refOf(current?.roleId, roles);
      const transition = transitionOf(from, to);
      const row: RolePlanRow = {
        kind: 'role',
        spaceId: space.id,
        spaceKey: space.key,
        spaceName: space.name,
        subject,
        from,
        to,
        transition,
        status: transition === 'already' ? 'already' : 'change',
      };
      if (transition === 'removed')
        row.note = 'Removes every permission this role gave here; access through a group or access class stays.';
      rows.push(row);
    }
  }
  return rows;
}
