/** Bulk Purge Trash: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';
import { collectInput, ok, parseOptionalDays } from './parseFields';

export type TrashType = 'page' | 'blogpost' | 'attachment';

export interface BulkPurgeTrashDraft {
  olderThanDays: string;
  types: TrashType[];
}

export const initialBulkPurgeTrashDraft: BulkPurgeTrashDraft = {
  olderThanDays: '',
  types: ['page', 'blogpost', 'attachment'],
};

export function bulkPurgeTrashInput(draft: BulkPurgeTrashDraft): InputResult {
  return collectInput({
    olderThanDays: parseOptionalDays(draft.olderThanDays),
    types:
      draft.types.length > 0 ? ok(draft.types) : { ok: false, message: 'Choose at least one kind of trashed content.' },
  });
}
