/**
 * Every built-in script module, by catalog key. Adding a script is one
 * module and one line here, plus its entry in src/rules/catalog.ts.
 */
import type { ScriptKey } from '../contract/scripts';
import { bulkDeleteAttachments } from './bulk-delete-attachments';
import { bulkDeleteComments } from './bulk-delete-comments';
import { bulkLabels } from './bulk-labels';
import { bulkPurgeTrash } from './bulk-purge-trash';
import { copyPageTree } from './copy-page-tree';
import { copySpace } from './copy-space';
import { deletePageTree } from './delete-page-tree';
import type { AnyScriptModule } from './types';

const MODULES: Partial<Record<ScriptKey, AnyScriptModule>> = {
  'bulk-labels': bulkLabels,
  'bulk-delete-comments': bulkDeleteComments,
  'bulk-delete-attachments': bulkDeleteAttachments,
  'bulk-purge-trash': bulkPurgeTrash,
  'delete-page-tree': deletePageTree,
  'copy-page-tree': copyPageTree,
  'copy-space': copySpace,
};

/** The module for a key, or undefined when no module implements it yet. */
export function moduleFor(key: ScriptKey): AnyScriptModule | undefined {
  return MODULES[key];
}
