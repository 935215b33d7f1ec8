/**
 * The built-in script catalog: the one place that lists the scripts a space
 * admin may be allowed to run. Order here is the column order everywhere.
 */
export interface Script {
  /** Stable kebab-case key; stored in rule rows, never renamed. */
  readonly key: string;
  /** Display name as ScriptRunner shows it. */
  readonly name: string;
  /** One sentence: what the script does. */
  readonly description: string;
}

export const SCRIPT_CATALOG: readonly Script[] = Object.freeze([
  {
    key: 'bulk-delete-attachments',
    name: 'Bulk Delete Attachments',
    description:
      'Deletes attachments in bulk from the selected pages and their descendants, filtered by criteria such as file name, type or age.',
  },
  {
    key: 'bulk-delete-comments',
    name: 'Bulk Delete Comments',
    description:
      'Deletes comments in bulk from the selected pages and their descendants, filtered by criteria such as author or age.',
  },
  {
    key: 'bulk-purge-trash',
    name: 'Bulk Purge Trash',
    description:
      "Permanently removes pages and blog posts from the space's trash in one go, so they can no longer be restored.",
  },
  {
    key: 'copy-space',
    name: 'Copy Space',
    description:
      'Creates a new space that is a copy of an existing space, with its pages, blog posts and, optionally, attachments, comments and labels.',
  },
  {
    key: 'delete-page-tree',
    name: 'Delete Page Tree',
    description: 'Deletes a page together with all of its descendant pages.',
  },
  {
    key: 'copy-page-tree',
    name: 'Copy Page Tree',
    description: 'Copies a page and all of its descendant pages to a new parent, in the same space or another one.',
  },
  {
    key: 'bulk-labels',
    name: 'Bulk Add or Remove Labels',
    description: 'Adds labels to, or removes labels from, many pages at once.',
  },
] satisfies Script[]);

/** The catalog's keys, in catalog (column) order. */
export function scriptKeys(catalog: readonly Script[]): string[] {
  return catalog.map((s) => s.key);
}
