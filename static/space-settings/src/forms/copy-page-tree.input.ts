/** Copy Page Tree: the form's draft and its input (pure). */
import type { FieldErrors, InputResult } from './formTypes';

/** A page as the picker holds it (PagePicker's PickedPage; kept here so this module stays free of React). */
interface PickedPage {
  id: string;
  title: string;
}

export interface CopyPageTreeDraft {
  page?: PickedPage;
  /** The destination parent: picked in this space, or given by id for another space. */
  destinationIn: 'this-space' | 'other-space';
  destination?: PickedPage;
  /** The id as typed, for a page in another space (the preview names its title and space). */
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

export function copyPageTreeInput(draft: CopyPageTreeDraft): InputResult {
  const errors: Record<string, string> = {};
  if (!draft.page) errors.pageId = 'Choose the page to copy with its descendants.';
  const destinationPageId =
    draft.destinationIn === 'this-space' ? draft.destination?.id : pageIdFrom(draft.destinationId);
  if (!destinationPageId)
    errors.destinationPageId =
      draft.destinationIn === 'this-space'
        ? 'Choose the page the copy goes under.'
        : 'Enter the id of the page the copy goes under, or paste its address.';
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
