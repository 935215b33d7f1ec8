/**
 * The Script runs tab's filters as the `listScriptRuns` payload (pure).
 * Filters are ANDed by the server; an empty filter is left out.
 */
export interface RunFilters {
  spaceKey?: string;
  scriptKey?: string;
  accountId?: string;
}

export function runListPayload(filters: RunFilters, cursor?: string): Record<string, string> {
  const payload: Record<string, string> = {};
  if (cursor) payload.cursor = cursor;
  if (filters.spaceKey) payload.spaceKey = filters.spaceKey;
  if (filters.scriptKey) payload.scriptKey = filters.scriptKey;
  if (filters.accountId) payload.accountId = filters.accountId;
  return payload;
}

/** "No runs match these filters" vs "No runs yet": which empty state to show. */
export function hasFilters(filters: RunFilters): boolean {
  return Boolean(filters.spaceKey || filters.scriptKey || filters.accountId);
}

/**
 * Older / Newer over cursor pages: the cursors of the pages seen so far, so
 * Newer goes back without the server knowing backward cursors.
 */
export interface PageTrail {
  /** The cursor each page was read with; the first page has none. */
  cursors: (string | undefined)[];
}

export const firstPage: PageTrail = { cursors: [undefined] };

export const currentCursor = (trail: PageTrail): string | undefined => trail.cursors[trail.cursors.length - 1];

export const olderPage = (trail: PageTrail, nextCursor: string): PageTrail => ({
  cursors: [...trail.cursors, nextCursor],
});

export const newerPage = (trail: PageTrail): PageTrail =>
  trail.cursors.length > 1 ? { cursors: trail.cursors.slice(0, -1) } : trail;
