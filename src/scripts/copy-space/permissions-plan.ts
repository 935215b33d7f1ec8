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
