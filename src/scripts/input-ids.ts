/**
 * The ids a script's input names, so a run can keep their names beside it
 * (src/contract/scripts.ts `InputNames`). Pure.
 */

export interface InputIds {
  pageIds: string[];
  accountIds: string[];
}

const PAGE_FIELDS = ['pageId', 'destinationPageId'] as const;

/** Page ids (`pageId`, `destinationPageId`, a tree target's `pageId`) and account ids (`authorAccountIds`). */
export function idsInInput(input: Record<string, unknown>): InputIds {
  const pageIds = new Set<string>();
  for (const field of PAGE_FIELDS) {
    if (typeof input[field] === 'string') pageIds.add(input[field]);
  }
  const target = input.target as { type?: unknown; pageId?: unknown } | undefined;
  if (target && target.type === 'tree' && typeof target.pageId === 'string') pageIds.add(target.pageId);
  const authors = Array.isArray(input.authorAccountIds) ? input.authorAccountIds : [];
  const accountIds = [...new Set(authors.filter((a): a is string => typeof a === 'string'))];
  return { pageIds: [...pageIds], accountIds };
}
