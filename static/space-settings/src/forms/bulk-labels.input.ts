/** Bulk Add or Remove Labels: the form's draft and its input (pure). */
import type { FieldErrors, InputResult } from './formTypes';
import { collectInput, ok, parseLabelList, parseTarget, SPACE_TARGET, type TargetDraft } from './parseFields';

export interface BulkLabelsDraft {
  target: TargetDraft;
  /** Label names as typed, separated by spaces or commas. */
  add: string;
  remove: string;
}

export const initialBulkLabelsDraft: BulkLabelsDraft = { target: SPACE_TARGET, add: '', remove: '' };

export function bulkLabelsInput(draft: BulkLabelsDraft): InputResult {
  const add = parseLabelList(draft.add);
  const remove = parseLabelList(draft.remove);
  return collectInput({ target: parseTarget(draft.target), add: ok(add), remove: ok(remove) }, (): FieldErrors => {
    if (add.length + remove.length === 0) return { add: 'Enter at least one label to add or to remove.' };
    const both = add.filter((label) => remove.includes(label));
    if (both.length > 0) return { remove: `Add or remove a label, not both: ${both.join(', ')}.` };
    return {};
  });
}
