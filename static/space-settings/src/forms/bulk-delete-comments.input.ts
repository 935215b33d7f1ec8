/** Bulk Delete Comments: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';
import {
  collectInput,
  ok,
  parseOptionalDays,
  parseTarget,
  SPACE_TARGET,
  type Parsed,
  type TargetDraft,
} from './parseFields';

export type CommentKind = 'footer' | 'inline';

/** A person as the people picker holds it: the name is for the page, the id is what the input takes. */
export interface PickedPerson {
  accountId: string;
  displayName: string;
}

/** As many authors as the input accepts (src/contract/scripts.ts `authorAccountIds`). */
export const MAX_AUTHORS = 50;

export interface BulkDeleteCommentsDraft {
  target: TargetDraft;
  olderThanDays: string;
  kinds: CommentKind[];
  /** Only comments by these people; none means comments by anyone. */
  authorAccountIds: PickedPerson[];
}

export const initialBulkDeleteCommentsDraft: BulkDeleteCommentsDraft = {
  target: SPACE_TARGET,
  olderThanDays: '',
  kinds: ['footer', 'inline'],
  authorAccountIds: [],
};

function parseAuthors(people: readonly PickedPerson[]): Parsed<string[] | undefined> {
  if (people.length === 0) return ok(undefined);
  if (people.length > MAX_AUTHORS) return { ok: false, message: `Choose at most ${MAX_AUTHORS} people.` };
  return ok([...new Set(people.map((p) => p.accountId))]);
}

export function bulkDeleteCommentsInput(draft: BulkDeleteCommentsDraft): InputResult {
  return collectInput({
    target: parseTarget(draft.target),
    olderThanDays: parseOptionalDays(draft.olderThanDays),
    kinds:
      draft.kinds.length > 0
        ? ok(draft.kinds)
        : { ok: false, message: 'Choose footer comments, inline comments, or both.' },
    authorAccountIds: parseAuthors(draft.authorAccountIds),
  });
}
