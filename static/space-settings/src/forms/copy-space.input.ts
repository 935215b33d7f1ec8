/** Copy Space: the form's draft and its input (pure). */
import type { InputResult } from './formTypes';

export interface CopySpaceDraft {
  newSpaceKey: string;
  newSpaceName: string;
  copyBlogPosts: boolean;
  copyAttachments: boolean;
  copyLabels: boolean;
  copyPermissions: boolean;
}

export const initialCopySpaceDraft: CopySpaceDraft = {
  newSpaceKey: '',
  newSpaceName: '',
  copyBlogPosts: true,
  copyAttachments: true,
  copyLabels: true,
  copyPermissions: false,
};

/**
 * A space key as Confluence accepts it: letters and digits only (A-Z, a-z,
 * 0-9), at most 255 characters (Confluence "Create a space": "Choosing a
 * space key"). Whether it is free is the server's question (the preview).
 */
export function spaceKeyProblem(key: string): string | undefined {
  if (key === '') return 'Enter a key for the new space.';
  if (!/^[A-Za-z0-9]+$/.test(key)) return 'Use only letters and digits (no spaces, dashes or accents).';
  if (key.length > 255) return 'Use at most 255 characters.';
  return undefined;
}

export function copySpaceInput(draft: CopySpaceDraft): InputResult {
  const errors: Record<string, string> = {};
  const key = draft.newSpaceKey.trim();
  const keyProblem = spaceKeyProblem(key);
  if (keyProblem) errors.newSpaceKey = keyProblem;
  const name = draft.newSpaceName.trim();
  if (name === '') errors.newSpaceName = 'Enter a name for the new space.';
  else if (name.length > 200) errors.newSpaceName = 'Use at most 200 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      newSpaceKey: key,
      newSpaceName: name,
      copyBlogPosts: draft.copyBlogPosts,
      copyAttachments: draft.copyAttachments,
      copyLabels: draft.copyLabels,
      copyPermissions: draft.copyPermissions,
    },
  };
}
