/** Bulk Delete Comments: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';
import { collectInput, ok, parseOptionalDays, parseTarget, SPACE_TARGET, type TargetDraft } from './parseFields';

export type CommentKind = 'footer' | 'inline';

export interface BulkDeleteCommentsDraft {
  target: TargetDraft;
  olderThanDays: string;
  kinds: CommentKind[];
}

export const initialBulkDeleteCommentsDraft: BulkDeleteCommentsDraft = {
  target: SPACE_TARGET,
  olderThanDays: '',
  kinds: ['footer', 'inline'],
};

export function bulkDeleteCommentsInput(draft: BulkDeleteCommentsDraft): InputResult {
  return collectInput({
    target: parseTarget(draft.target),
    olderThanDays: parseOptionalDays(draft.olderThanDays),
    kinds:
      draft.kinds.length > 0
        ? ok(draft.kinds)
        : { ok: false, message: 'Choose footer comments, inline comments, or both.' },
  });
}
