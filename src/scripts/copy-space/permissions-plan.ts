/**
 * Copy Space's permissions, planned. Pure. Apps cannot write space
 * permissions (v1 "Add new permission to space": "Apps cannot access this
 * REST resource"), so the run turns the source space's permissions into one
 * permission-change job for the new space, which the relay applies.
 *
 * The person who ran the copy created the new space and holds its admin
 * permission (Confluence gives the creator every permission). A grant job
 * never removes anything, so individual permissions cannot lock them out.
 * On a roles site a principal holds one role per space: assigning the
 * runner the source space's role could replace their Admin role, so their
 * own assignment is never copied.
 */
import { ChangeKind, preferredKind, RoleMode, RoleRef } from '../../contract/permission-changes';
import { isValidOperation, operationId } from '../../contract/relay-protocol';
import { planChanges, PlanRow } from '../../permission-changes/plan';

export interface SourceAssignment {
  subject: { type: string; id: string; name?: string };
  operation: { key: string; target: string };
}

export interface PermissionPlan {
  rows: PlanRow[];
  /** Assignments that cannot be copied through the queue, in words (access classes, unknown operations). */
  skipped: string[];
}

const copyable = (type: string): type is 'user' | 'group' => type === 'user' || type === 'group';

export function planPermissionCopy(
  source: readonly SourceAssignment[],
  target: { id: string; key: string; name: string; assignments: SourceAssignment[] },
): PermissionPlan {
  const skipped: string[] = [];
  const bySubject = new Map<
    string,
    { subject: { type: 'user' | 'group'; id: string; name?: string }; ops: { key: string; target: string }[] }
  >();
  for (const a of source) {
    if (!copyable(a.subject.type)) {
      skipped.push(
        `${operationId(a.operation)} of ${a.subject.type} ${a.subject.id}: only users and groups can be copied`,
      );
      continue;
    }
    if (!isValidOperation(a.operation)) {
      skipped.push(
        `${operationId(a.operation)} of ${a.subject.type} ${a.subject.id}: not a space permission the relay applies`,
      );
      continue;
    }
    const key = `${a.subject.type}:${a.subject.id}`;
    const entry = bySubject.get(key) ?? { subject: { ...a.subject, type: a.subject.type }, ops: [] };
    if (!entry.ops.some((o) => operationId(o) === operationId(a.operation))) entry.ops.push(a.operation);
    bySubject.set(key, entry);
  }
  const rows: PlanRow[] = [];
  for (const { subject, ops } of bySubject.values()) {
    rows.push(...planChanges([target], [subject], ops, 'grant'));
  }
  return { rows, skipped };
}

export interface RoleAssignment {
  principal: { principalType: string; principalId: string };
  roleId: string;
}

/** Role assignments to queue for the new space: the source's, minus the runner's own and those already so. */
export function planRoleCopy(
  source: readonly RoleAssignment[],
  targetNow: readonly RoleAssignment[],
  runnerAccountId: string,
): { assign: RoleAssignment[]; keptRunner: boolean } {
  const held = new Map(targetNow.map((a) => [`${a.principal.principalType}:${a.principal.principalId}`, a.roleId]));
  let keptRunner = false;
  const assign: RoleAssignment[] = [];
  const seen = new Set<string>();
  for (const a of source) {
    const key = `${a.principal.principalType}:${a.principal.principalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (a.principal.principalType === 'USER' && a.principal.principalId === runnerAccountId) {
      keptRunner = true;
      continue;
    }
    if (held.get(key) === a.roleId) continue;
    assign.push(a);
  }
  return { assign, keptRunner };
}

/**
 * How a copy carries the source's access on a site in this role mode
 * (DESIGN section 9): individual permissions before roles, roles on a
 * roles-only site (Confluence refuses individual writes there), and on a
 * site in transition what the site prefers, as the admin page does
 * (`preferredKind`: roles).
 */
export function copyKindFor(mode: RoleMode): ChangeKind {
  return mode === 'ROLES_TRANSITION' ? preferredKind(mode) : mode === 'ROLES' ? 'role' : 'permission';
}

/** One role to give one user or group in the new space, as a permission-change item carries it. */
export interface RoleCopyRow {
  subject: { type: 'user' | 'group'; id: string };
  to: RoleRef;
  /** The subject's role in the new space now (null: none). */
  from: RoleRef | null;
}

export interface RoleCopyPlan {
  rows: RoleCopyRow[];
  /** Assignments the queue cannot carry, in words (access classes, assignments without a role). */
  skipped: string[];
  /** The runner's own assignment was left out: they are the new space's admin already. */
  keptRunner: boolean;
}

const SUBJECT_TYPES: Record<string, 'user' | 'group'> = { USER: 'user', GROUP: 'group' };

/** The source's role assignments as items for the new space: users and groups, the runner's own left out. */
export function planRoleJob(
  source: readonly { principal: { principalType: string; principalId: string }; roleId?: string }[],
  targetNow: readonly { principal: { principalType: string; principalId: string }; roleId?: string }[],
  runnerAccountId: string,
  roles: readonly RoleRef[],
): RoleCopyPlan {
  const skipped: string[] = [];
  const copyableSource: RoleAssignment[] = [];
  for (const a of source) {
    const who = `${a.principal.principalType.toLowerCase()} ${a.principal.principalId}`;
    if (!SUBJECT_TYPES[a.principal.principalType])
      skipped.push(`the role of ${who}: only users and groups can be copied`);
    else if (!a.roleId) skipped.push(`${who}: no role to copy`);
    else copyableSource.push({ principal: a.principal, roleId: a.roleId });
  }
  const held = targetNow.filter((a): a is RoleAssignment => a.roleId !== undefined);
  const { assign, keptRunner } = planRoleCopy(copyableSource, held, runnerAccountId);
  const ref = (id: string): RoleRef => ({ id, name: roles.find((r) => r.id === id)?.name ?? id });
  const rows = assign.map((a): RoleCopyRow => {
    const current = held.find(
      (h) =>
        h.principal.principalType === a.principal.principalType && h.principal.principalId === a.principal.principalId,
    );
    return {
      subject: { type: SUBJECT_TYPES[a.principal.principalType]!, id: a.principal.principalId },
      to: ref(a.roleId),
      from: current ? ref(current.roleId) : null,
    };
  });
  return { rows, skipped, keptRunner };
}
