/**
 * The Space permissions section's resolver calls, typed by the contract
 * (src/contract/permission-changes.ts, imported as types only), and the
 * names the page gives permissions.
 */
import type { AdminPageFunctions } from '../../../../src/contract/admin-page';
import type {
  ChangeKind,
  ChangePayload,
  ChangePreview,
  ItemView,
  JobItemView,
  JobView,
  PermissionChange,
  PermissionPlanRow,
  RelaySetup,
  RoleChange,
  RoleMode,
  RolePlanRow,
  RoleRef,
  RotatedSecret,
  SiteRole,
} from '../../../../src/contract/permission-changes';
import { resolverClient } from '../../../shared/invokeResolver';

export type {
  ChangeKind,
  ItemView as ItemState,
  JobItemView as JobItem,
  JobView as Job,
  PermissionPlanRow as PermissionPreviewRow,
  RelaySetup,
  RoleMode,
  RolePlanRow as RolePreviewRow,
  RoleRef,
  RotatedSecret as Rotated,
  SiteRole,
};
export type Preview = ChangePreview;
export type PreviewRow = ChangePreview['rows'][number];
export type ChangeRequest = ChangePayload;
export type PermissionChangeRequest = PermissionChange;
export type RoleChangeRequest = RoleChange;

export type Action = 'grant' | 'revoke';
export interface Op {
  key: string;
  target: string;
}
export interface Subject {
  type: 'user' | 'group';
  id: string;
  name?: string;
}
export interface Picked {
  id: string;
  name: string;
  key?: string;
}

import { OPERATIONS } from '../../../../src/contract/operations';

export { OPERATIONS };

export const opLabel = (op: Op): string =>
  OPERATIONS.find((o) => o.key === op.key && o.target === op.target)?.label ?? `${op.key}/${op.target}`;

/** "read/space" -> "View space". */
export const permissionLabel = (id: string): string => {
  const [key = '', target = ''] = id.split('/');
  return opLabel({ key, target });
};

const call = resolverClient<AdminPageFunctions>();

export const previewChanges = (r: ChangeRequest) => call('previewPermissionChanges', r);
export const submitChanges = (r: ChangeRequest) => call('submitPermissionChanges', r);
export const listJobs = (cursor?: string) => call('listPermissionJobs', cursor ? { cursor } : {});
export const getRelaySetup = () => call('getRelaySetup', {});
export const rotateSecret = (replaceUrl: boolean) => call('rotateRelaySecret', { replaceUrl });
export const search = (type: 'user' | 'group' | 'space', query: string) => call('searchSubjects', { type, query });

export function formatWhen(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
