/**
 * The preview of a space-permission change, from the spaces' current
 * assignments. Pure. Rows come in the order the relay must apply them:
 * grants give read/space first (Confluence refuses other permissions to a
 * subject without it); revokes take read/space last (removing it removes
 * every other permission of that subject in the space).
 */
import { Action, operationId, OPERATIONS, Subject } from '../contract/relay-protocol';
import type { PermissionPlanRow } from '../contract/permission-changes';

export interface PlanSpace {
  id: string;
  key: string;
  name: string;
  assignments: { subject: { type: string; id: string }; operation: { key: string; target: string } }[];
}

export type PlanRow = PermissionPlanRow;

const isRead = (op: { key: string; target: string }): boolean => op.key === 'read' && op.target === 'space';
const opRank = (op: { key: string; target: string }): number =>
  OPERATIONS.findIndex((o) => o.key === op.key && o.target === op.target);

export function planChanges(
  spaces: readonly PlanSpace[],
  subjects: readonly (Subject & { name?: string })[],
  operations: readonly { key: string; target: string }[],
  action: Action,
): PlanRow[] {
  const ops = [...operations].sort((a, b) => {
    const readFirst = action === 'grant' ? -1 : 1;
    if (isRead(a) !== isRead(b)) return isRead(a) ? readFirst : -readFirst;
    return opRank(a) - opRank(b);
  });
  const rows: PlanRow[] = [];
  for (const space of spaces) {
    for (const subject of subjects) {
      const held = new Set(
        space.assignments
          .filter((a) => a.subject.type === subject.type && a.subject.id === subject.id)
          .map((a) => operationId(a.operation)),
      );
      const revokesRead = action === 'revoke' && ops.some(isRead) && held.has('read/space');
      for (const operation of ops) {
        const has = held.has(operationId(operation));
        const status = action === 'grant' ? (has ? 'already' : 'change') : has ? 'change' : 'already';
        const row: PlanRow = {
          kind: 'permission',
          spaceId: space.id,
          spaceKey: space.key,
          spaceName: space.name,
          subject,
          operation,
          status,
        };
        if (
          action === 'grant' &&
          status === 'change' &&
          !isRead(operation) &&
          !held.has('read/space') &&
          !ops.some(isRead)
        ) {
          row.note = 'Confluence needs read/space first: this will fail unless the subject gets it.';
        }
        if (revokesRead && isRead(operation))
          row.note = 'Removing read/space also removes every other permission of this subject in the space.';
        rows.push(row);
      }
    }
  }
  return rows;
}
