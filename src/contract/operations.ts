/**
 * Every key/target pair `POST /wiki/rest/api/space/{key}/permission`
 * accepts, in the order the app applies and shows them, with the words the
 * admin page uses. Plain data: the page imports it without schema code, the
 * relay protocol builds its schema from it.
 */
export const OPERATIONS = [
  { key: 'read', target: 'space', label: 'View space' },
  { key: 'create', target: 'page', label: 'Add pages' },
  { key: 'create', target: 'blogpost', label: 'Add blog posts' },
  { key: 'create', target: 'comment', label: 'Add comments' },
  { key: 'create', target: 'attachment', label: 'Add attachments' },
  { key: 'delete', target: 'page', label: 'Delete pages' },
  { key: 'delete', target: 'blogpost', label: 'Delete blog posts' },
  { key: 'delete', target: 'comment', label: 'Delete comments' },
  { key: 'delete', target: 'attachment', label: 'Delete attachments' },
  { key: 'delete', target: 'space', label: 'Delete own content' },
  { key: 'export', target: 'space', label: 'Export space' },
  { key: 'administer', target: 'space', label: 'Admin space' },
  { key: 'restrict_content', target: 'space', label: 'Add/delete restrictions' },
  { key: 'archive', target: 'page', label: 'Archive pages' },
] as const;

export type PermissionOperation = Pick<(typeof OPERATIONS)[number], 'key' | 'target'>;
export const operationId = (op: { key: string; target: string }): string => `${op.key}/${op.target}`;
export const isValidOperation = (op: { key: string; target: string }): boolean =>
  OPERATIONS.some((o) => o.key === op.key && o.target === op.target);
