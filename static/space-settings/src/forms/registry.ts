/**
 * The form of each built-in script, by catalog key. A form module loads
 * when its script is first opened, so the page's first load carries none of
 * them. A script without an entry is listed but says its form is not here yet.
 */
import type { ScriptKey } from '../../../../src/contract/scripts';
import type { ScriptForm } from './formTypes';

/**
 * The registry holds forms of different draft types; the page only passes a
 * form's own draft back to it, so the draft type is erased here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: each form only ever sees its own draft
export type AnyScriptForm = ScriptForm<any>;

type FormLoader = () => Promise<AnyScriptForm>;

export const SCRIPT_FORMS: Partial<Record<ScriptKey, FormLoader>> = {
  'bulk-labels': () => import('./bulk-labels').then((m) => m.form),
  'bulk-delete-comments': () => import('./bulk-delete-comments').then((m) => m.form),
  'bulk-delete-attachments': () => import('./bulk-delete-attachments').then((m) => m.form),
  'bulk-purge-trash': () => import('./bulk-purge-trash').then((m) => m.form),
  'delete-page-tree': () => import('./delete-page-tree').then((m) => m.form),
  'copy-page-tree': () => import('./copy-page-tree').then((m) => m.form),
  'copy-space': () => import('./copy-space').then((m) => m.form),
};

export function formLoaderOf(scriptKey: string): FormLoader | undefined {
  return (SCRIPT_FORMS as Record<string, FormLoader | undefined>)[scriptKey];
}
