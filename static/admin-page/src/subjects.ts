/** What `searchSubjects` answers with: people, groups and spaces a row can be added for. Pure. */
import type { SubjectMatch } from '../../../src/contract/admin-page';
import type { Rule, SubjectType } from './types';

export type { SubjectMatch } from '../../../src/contract/admin-page';

export const SUBJECT_TYPES: readonly SubjectType[] = ['space', 'group', 'user'];

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
