/**
 * Searching people, groups or spaces for the Add dialog, with a short pause
 * so typing does not send a request per key. Pure of React; uses the API.
 */
import { searchSubjects } from '../adminApi';
import { subjectLabel, type SubjectMatch } from '../subjects';
import type { SubjectType } from '../types';
import { ruleRef, type RuleRef } from './ruleOrder';

export interface SubjectOption {
  value: RuleRef;
  label: string;
  match: SubjectMatch;
  /** Already a row of the table: shown, marked, and not selectable. */
  inTable: boolean;
}

export const SEARCH_PAUSE_MS = 200;

/**
 * Whether a search for this query is worth sending. People and groups are
 * searched by name, so an empty query lists nothing (searchSubjects answers
 * [] for people, and the group search refuses an empty query).
 */
export function shouldSearch(type: SubjectType, query: string): boolean {
  return type === 'space' || query.trim() !== '';
}

export function toOption(match: SubjectMatch, isInTable: (ref: RuleRef) => boolean): SubjectOption {
  const value = ruleRef(match);
  return { value, label: subjectLabel(match), match, inTable: isInTable(value) };
}

export type SearchOutcome =
  { ok: true; options: SubjectOption[] } | { ok: false; message: string } | { ok: true; stale: true };

/** Creates a searcher whose results are dropped when a newer search has started meanwhile. */
export function createSubjectSearcher(type: SubjectType, pauseMs = SEARCH_PAUSE_MS) {
  let latest = 0;
  return async (query: string, isInTable: (ref: RuleRef) => boolean): Promise<SearchOutcome> => {
    latest += 1;
    const mine = latest;
    if (!shouldSearch(type, query)) return { ok: true, options: [] };
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (mine !== latest) return { ok: true, stale: true };
    const result = await searchSubjects(type, query.trim());
    if (!result.ok) return { ok: false, message: result.error.message };
    return { ok: true, options: result.data.map((match) => toOption(match, isInTable)) };
  };
}
