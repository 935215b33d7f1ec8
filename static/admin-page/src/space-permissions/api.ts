/** The Space permissions section's resolver calls and the shapes it relies on. */
import { invokeResolver } from '../../../shared/invokeResolver';
import type { ResolverResult } from '../../../shared/resolverResult';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

/** Every key/target pair Confluence's space-permission API accepts, with a name for people. */
export const OPERATIONS: readonly (Op & { label: string })[] = [
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
];

export const opLabel = (op: Op): string =>
  OPERATIONS.find((o) => o.key === op.key && o.target === op.target)?.label ?? `${op.key}/${op.target}`;

export interface PermissionPreviewRow {
  kind: 'permission';
  spaceKey: string;
  spaceName: string;
  subject: Subject;
  operation: Op;
  status: 'change' | 'already';
  note?: string;
}
export interface RoleRef {
  id: string;
  name: string;
}
export interface RolePreviewRow {
  kind: 'role';
  spaceKey: string;
  spaceName: string;
  subject: Subject;
  from: RoleRef | null;
  to: RoleRef | null;
  transition: 'new' | 'changed' | 'removed' | 'already';
  status: 'change' | 'already';
  note?: string;
}
export type PreviewRow = PermissionPreviewRow | RolePreviewRow;
export interface Preview {
  kind: ChangeKind;
  rows: PreviewRow[];
  changes: number;
  already: number;
}
export type ChangeKind = 'permission' | 'role';
export type RoleMode = 'PRE_ROLES' | 'ROLES_TRANSITION' | 'ROLES';
/** A site role: its site name and the permissions it grants ("read/space", ...). */
export interface SiteRole extends RoleRef {
  description?: string;
  spacePermissions: string[];
}
export type ItemState = 'queued' | 'in-progress' | 'applied' | 'already' | 'failed';
export interface JobItem {
  itemId: string;
  spaceKey: string;
  spaceName?: string;
  subject: Subject;
  kind?: ChangeKind;
  operation?: Op;
  to?: RoleRef | null;
  from?: RoleRef | null;
  state: ItemState;
  attempts: number;
  message?: string;
  finishedAt?: string;
}
export interface Job {
  id: string;
  kind?: ChangeKind;
  action?: Action;
  roleId?: string | null;
  roleName?: string;
  submittedAt: string;
  submittedBy: { accountId: string; displayName?: string };
  itemCount: number;
  counts: Record<ItemState, number>;
  items: JobItem[];
}
export interface RelaySetup {
  webTriggerUrl: string;
  link: { linked: boolean; fingerprint?: string; createdAt?: string };
  relay: { lastSeenAt: string; version: string; instance: string; lastError?: string; lastErrorAt?: string } | null;
  pending: boolean;
  warning?: string;
  roleMode: RoleMode;
  accepts: ChangeKind[];
  prefers: ChangeKind;
  roles: SiteRole[];
}
export interface Rotated {
  secret: string;
  fingerprint: string;
  createdAt: string;
  webTriggerUrl: string;
}

const isPreview = (d: unknown): d is Preview => isRecord(d) && Array.isArray(d.rows) && typeof d.changes === 'number';
const isJobs = (d: unknown): d is { jobs: Job[]; nextCursor?: string } => isRecord(d) && Array.isArray(d.jobs);
const isSetup = (d: unknown): d is RelaySetup => isRecord(d) && typeof d.webTriggerUrl === 'string' && isRecord(d.link);
const isRotated = (d: unknown): d is Rotated =>
  isRecord(d) && typeof d.secret === 'string' && typeof d.webTriggerUrl === 'string';
const isSubmitted = (d: unknown): d is { jobId: string; changes: number } => isRecord(d) && typeof d.jobId === 'string';
const isMatches = (d: unknown): d is Picked[] =>
  Array.isArray(d) && d.every((m) => isRecord(m) && typeof m.id === 'string' && typeof m.name === 'string');

export interface PermissionChangeRequest {
  spaceKeys: string[];
  subjects: { type: 'user' | 'group'; id: string }[];
  operations: Op[];
  action: Action;
}
export interface RoleChangeRequest {
  spaceKeys: string[];
  subjects: { type: 'user' | 'group'; id: string }[];
  /** null removes the subjects' role. */
  roleId: string | null;
}
export type ChangeRequest = PermissionChangeRequest | RoleChangeRequest;

/** "read/space" -> "View space". */
export const permissionLabel = (id: string): string => {
  const [key = '', target = ''] = id.split('/');
  return opLabel({ key, target });
};

export const previewChanges = (r: ChangeRequest): Promise<ResolverResult<Preview>> =>
  invokeResolver('previewPermissionChanges', { ...r }, isPreview);
export const submitChanges = (r: ChangeRequest): Promise<ResolverResult<{ jobId: string; changes: number }>> =>
  invokeResolver('submitPermissionChanges', { ...r }, isSubmitted);
export const listJobs = (cursor?: string) => invokeResolver('listPermissionJobs', cursor ? { cursor } : {}, isJobs);
export const getRelaySetup = () => invokeResolver('getRelaySetup', {}, isSetup);
export const rotateSecret = (replaceUrl: boolean) => invokeResolver('rotateRelaySecret', { replaceUrl }, isRotated);
export const search = (type: 'user' | 'group' | 'space', query: string) =>
  invokeResolver('searchSubjects', { type, query }, isMatches);

export function formatWhen(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
