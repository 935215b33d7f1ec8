/** Copy Page Tree: the form's draft and its input (pure). */
import type { FieldErrors, InputResult } from './formTypes';
import type { PickedPage } from './pageOptionText';

export interface CopyPageTreeDraft {
  page?: PickedPage;
  /** The destination parent: picked in this space, or in another space (picked, or given by id). */
  destinationIn: 'this-space' | 'other-space';
  destination?: PickedPage;
  /** Picked among the pages of every space the person can see (it names its space). */
  destinationElsewhere?: PickedPage;
  /** The id or address as typed, when the picker does not find the page (the preview names it and its space). */
  destinationId: string;
  titlePrefix: string;
  copyAttachments: boolean;
  copyLabels: boolean;
  copyRestrictions: boolean;
}

export const initialCopyPageTreeDraft: CopyPageTreeDraft = {
  destinationIn: 'this-space',
  destinationId: '',
  titlePrefix: '',
  copyAttachments: true,
  copyLabels: true,
  copyRestrictions: false,
};

/** The number at the end of a page's address (`…/pages/123456/Title`) or the id itself. */
export function pageIdFrom(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{1,20}$/.test(trimmed)) return trimmed;
  return /\/pages\/(\d{1,20})(?:[/?#]|$)/.exec(trimmed)?.[1];
}

/** The destination's id: the page picked, else (another space) the id or address typed. */
function destinationOf(draft: CopyPageTreeDraft): string | undefined {
  if (draft.destinationIn === 'this-space') return draft.destination?.id;
  return draft.destinationElsewhere?.id ?? pageIdFrom(draft.destinationId);
}

export function copyPageTreeInput(draft: CopyPageTreeDraft): InputResult {
  const errors: Record<string, string> = {};
  if (!draft.page) errors.pageId = 'Choose the page to copy with its descendants.';
  const destinationPageId = destinationOf(draft);
  if (draft.destinationIn === 'other-space' && !draft.destinationElsewhere && draft.destinationId.trim() !== '') {
    if (!destinationPageId) errors.destinationId = 'This is neither a page id nor a page address.';
  } else if (!destinationPageId) {
    errors.destinationPageId =
      draft.destinationIn === 'this-space'
        ? 'Choose the page the copy goes under.'
        : 'Choose the page the copy goes under, or enter its id or address below.';
  }
  if (draft.titlePrefix.length > 100) errors.titlePrefix = 'Use at most 100 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors };
  return {
    ok: true,
    input: {
      pageId: draft.page!.id,
      destinationPageId: destinationPageId!,
      ...(draft.titlePrefix !== '' ? { titlePrefix: draft.titlePrefix } : {}),
      copyAttachments: draft.copyAttachments,
      copyLabels: draft.copyLabels,
      copyRestrictions: draft.copyRestrictions,
    },
  };
}
