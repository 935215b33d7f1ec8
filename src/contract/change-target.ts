/** What one change of space permissions is about, as one comparable key. Pure. */
export interface TargetParts {
  spaceId: string;
  subject: { type: string; id: string };
  kind?: 'permission' | 'role';
  operation?: { key: string; target: string };
}

/**
 * One permission of one subject in one space, or that subject's role in the
 * space (a subject holds one role a space, so every role change of it is one
 * target).
 */
export const targetKey = (t: TargetParts): string =>
  t.kind === 'role' || !t.operation
    ? [t.spaceId, t.subject.type, t.subject.id, 'role'].join(' ')
    : [t.spaceId, t.subject.type, t.subject.id, t.operation.key, t.operation.target].join(' ');
