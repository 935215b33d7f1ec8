/** What `searchSubjects` answers with: people, groups and spaces a row can be added for. Pure. */
import { isOptionalString, isRecord } from '../../shared/resolverResult';
import type { Rule, SubjectType } from './types';

export interface SubjectMatch {
  type: SubjectType;
  /** What a row uses: accountId, group id, or space id. */
  id: string;
  name: string;
  /** A space's key. */
  key?: string;
}

export const SUBJECT_TYPES: readonly SubjectType[] = ['space', 'group', 'user'];

function isSubjectMatch(value: unknown): value is SubjectMatch {
  return (
    isRecord(value) &&
    (SUBJECT_TYPES as readonly unknown[]).includes(value.type) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    isOptionalString(value.key ?? undefined)
  );
}

export function isSubjectMatches(value: unknown): value is SubjectMatch[] {
  return Array.isArray(value) && value.every(isSubjectMatch);
}

/** "Marketing (MKT)", "power-users", "Ada Lovelace"; the id when there is no name. */
export function subjectLabel(subject: Pick<SubjectMatch, 'name' | 'id' | 'key'>): string {
  const name = subject.name.trim() || subject.id;
  return subject.key ? `${name} (${subject.key})` : name;
}

/** The row a match becomes: every script unchecked (the caller adds it through the draft). */
export function subjectAsRow(match: SubjectMatch): Omit<Rule, 'allowed'> {
  return match.key
    ? { type: match.type, id: match.id, name: match.name, key: match.key }
    : { type: match.type, id: match.id, name: match.name };
}
