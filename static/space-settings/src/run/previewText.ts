/** A preview in words (pure). */
import type { ScriptPreview } from '../../../../src/contract/scripts';

export const PERMANENT_WARNING =
  'Running this deletes or purges content permanently: it does not go to the trash and cannot be restored. You will be asked to confirm.';

/** "12 items would change." / "Nothing matches: the run would change nothing." */
export function previewCountText(preview: Pick<ScriptPreview, 'total'>): string {
  if (preview.total === 0) return 'Nothing matches: a run would change nothing.';
  const n = preview.total.toLocaleString('en');
  return preview.total === 1 ? '1 item would change.' : `${n} items would change.`;
}

/** The question before a permanent run. */
export function confirmationText(scriptName: string, preview: Pick<ScriptPreview, 'total'>): string {
  const items = preview.total === 1 ? '1 item' : `${preview.total.toLocaleString('en')} items`;
  return `${scriptName} will permanently remove ${items} from this space. This cannot be undone.`;
}
