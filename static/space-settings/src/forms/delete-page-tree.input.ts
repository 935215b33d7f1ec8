/** Delete Page Tree: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';

/** A page as the picker holds it (PagePicker's PickedPage; kept here so this module stays free of React). */
interface PickedPage {
  id: string;
  title: string;
}

export interface DeletePageTreeDraft {
  page?: PickedPage;
}

export const initialDeletePageTreeDraft: DeletePageTreeDraft = {};

export function deletePageTreeInput(draft: DeletePageTreeDraft): InputResult {
  if (!draft.page) return { ok: false, errors: { pageId: 'Choose the page to delete with its descendants.' } };
  return { ok: true, input: { pageId: draft.page.id } };
}
