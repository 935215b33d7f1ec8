/**
 * Space-permission changes as the admin page submits them (DESIGN section 5):
 * individual permissions `{spaceKeys, subjects, operations, action}` or a
 * role `{spaceKeys, subjects, roleId}` (`roleId: null` removes the subjects'
 * role), the preview the app answers for either, and the site facts the
 * page needs (`roleMode`, the roles). Shared by the resolvers and the page.
 */
import { z } from 'zod';
import { Action, Operation, ROLE_ID_MAX_LENGTH, SUBJECT_ID_MAX_LENGTH } from './relay-protocol';

export const PERMISSION_CHANGE_LIMITS = { spaces: 50, subjects: 50, items: 500 } as const;

/** GET /wiki/api/v2/space-role-mode. */
export const ROLE_MODES = ['PRE_ROLES', 'ROLES_TRANSITION', 'ROLES'] as const;
export const RoleMode = z.enum(ROLE_MODES);
export type RoleMode = z.infer<typeof RoleMode>;

/** Which kind of change a site accepts: PRE_ROLES individual only, ROLES roles only, ROLES_TRANSITION both. */
export type ChangeKind = 'permission' | 'role';
export const acceptedKinds = (mode: RoleMode): ChangeKind[] =>
  mode === 'PRE_ROLES' ? ['permission'] : mode === 'ROLES' ? ['role'] : ['role', 'permission'];
/** What the admin page offers first: roles wherever the site has them (Confluence is moving every site to roles). */
export const preferredKind = (mode: RoleMode): ChangeKind => (mode === 'PRE_ROLES' ? 'permission' : 'role');

const SpaceKey = z.string().regex(/^[A-Za-z0-9]{1,255}$/, 'must be a space key (letters and digits)');
export const ChangeSubject = z.strictObject({
  type: z.enum(['user', 'group']),
  id: z.string().min(1).max(SUBJECT_ID_MAX_LENGTH),
});
export type ChangeSubject = z.infer<typeof ChangeSubject>;

const common = {
  spaceKeys: z.array(SpaceKey).min(1, 'choose at least one space').max(PERMISSION_CHANGE_LIMITS.spaces),
  subjects: z.array(ChangeSubject).min(1, 'choose at least one user or group').max(PERMISSION_CHANGE_LIMITS.subjects),
};

export const PermissionChange = z.strictObject({
  ...common,
  operations: z.array(Operation).min(1, 'choose at least one permission'),
  action: Action,
});
export type PermissionChange = z.infer<typeof PermissionChange>;

/** Role ids are per site and opaque (UUIDs on real sites): resolved against GET /space-roles at run time. */
export const RoleId = z
  .string()
  .min(1, 'must not be empty')
  .max(ROLE_ID_MAX_LENGTH, `must be at most ${ROLE_ID_MAX_LENGTH} characters`);

export const RoleChange = z.strictObject({
  ...common,
  /** The role to give each subject in each space; null removes the subject's role there. */
  roleId: RoleId.nullable(),
});
export type RoleChange = z.infer<typeof RoleChange>;

export type ChangePayload = PermissionChange | RoleChange;
export const isRoleChange = (change: ChangePayload): change is RoleChange => 'roleId' in change;

/** The schema a raw payload is checked against: a role change names `roleId`, an individual one does not. */
export const changeSchemaFor = (raw: unknown): typeof RoleChange | typeof PermissionChange =>
  typeof raw === 'object' && raw !== null && 'roleId' in raw ? RoleChange : PermissionChange;

/**
 * Who applies a queued change in Confluence: the relay (today, always), or
 * one day the app itself for role changes (src/permission-changes/apply-path.ts).
 */
export type ApplyPath = 'relay' | 'app';

// ---- answers ---------------------------------------------------------------

export interface RoleRef {
  id: string;
  name: string;
}

/** A site role as the page lists it: its site name and the permissions it grants ("read/space", ...). */
export interface SiteRole extends RoleRef {
  type?: string;
  description?: string;
  spacePermissions: string[];
}

export interface NamedSubject extends ChangeSubject {
  name?: string;
}

export interface PermissionPlanRow {
  kind: 'permission';
  spaceId: string;
  spaceKey: string;
  spaceName: string;
  subject: NamedSubject;
  operation: { key: string; target: string };
  /** change: the relay will make it; already: it is already so. */
  status: 'change' | 'already';
  note?: string;
}

/** new: no role yet; changed: role A -> role B; removed: role taken away; already: nothing to do. */
export type RoleTransition = 'new' | 'changed' | 'removed' | 'already';

export interface RolePlanRow {
  kind: 'role';
  spaceId: string;
  spaceKey: string;
  spaceName: string;
  subject: NamedSubject;
  from: RoleRef | null;
  to: RoleRef | null;
  transition: RoleTransition;
  status: 'change' | 'already';
  note?: string;
}

export type PlanRow = PermissionPlanRow | RolePlanRow;

export interface ChangePreview {
  kind: ChangeKind;
  rows: PlanRow[];
  changes: number;
  already: number;
}

export interface SubmittedChange {
  jobId: string;
  items: number;
  changes: number;
  already: number;
}

// ---- the Space permissions tab's functions ---------------------------------

export const ListJobsPayload = z.union([
  z.strictObject({ cursor: z.string().min(1).max(500).optional() }),
  z.undefined(),
]);
export const RotatePayload = z.union([z.strictObject({ replaceUrl: z.boolean().optional() }), z.undefined()]);
export const EmptyPayload = z.union([z.strictObject({}), z.undefined()]);

/** An item as the job list shows it. */
export type ItemView = 'queued' | 'in-progress' | 'applied' | 'already' | 'failed';

export type JobItemChange =
  | { kind: 'permission'; action: 'grant' | 'revoke'; operation: { key: string; target: string } }
  | { kind: 'role'; to: RoleRef | null; from: RoleRef | null };

export type JobItemView = JobItemChange & {
  itemId: string;
  spaceKey: string;
  spaceName?: string;
  subject: NamedSubject;
  state: ItemView;
  attempts: number;
  message?: string;
  finishedAt?: string;
};

export type JobView = (
  { kind: 'permission'; action: 'grant' | 'revoke' } | { kind: 'role'; roleId: string | null; roleName?: string }
) & {
  id: string;
  /** What the job does, when its items differ (a copied space's roles); else the page says it from the kind. */
  title?: string;
  submittedAt: string;
  submittedBy: { accountId: string; displayName?: string };
  itemCount: number;
  counts: Record<ItemView, number>;
  items: JobItemView[];
};

export interface JobsPage {
  jobs: JobView[];
  nextCursor?: string;
}

export interface RelaySetup {
  webTriggerUrl: string;
  link: { linked: boolean; fingerprint?: string; createdAt?: string };
  relay: { lastSeenAt: string; version: string; instance: string; lastError?: string; lastErrorAt?: string } | null;
  /** Changes wait for the relay. */
  pending: boolean;
  warning?: string;
  /** The site's space role mode, which kinds of change it accepts, and which it prefers. */
  roleMode: RoleMode;
  accepts: ChangeKind[];
  prefers: ChangeKind;
  /** The site's roles (none on PRE_ROLES sites). */
  roles: SiteRole[];
}

export interface RotatedSecret {
  secret: string;
  fingerprint: string;
  createdAt: string;
  webTriggerUrl: string;
}

type Fn<P, A> = { payload: P; answer: A };

/** The Space permissions tab's functions (module `admin-page`): what each takes and answers. */
export interface SpacePermissionFunctions {
  previewPermissionChanges: Fn<ChangePayload, ChangePreview>;
  submitPermissionChanges: Fn<ChangePayload, SubmittedChange>;
  listPermissionJobs: Fn<z.input<typeof ListJobsPayload>, JobsPage>;
  getRelaySetup: Fn<z.input<typeof EmptyPayload>, RelaySetup>;
  rotateRelaySecret: Fn<z.input<typeof RotatePayload>, RotatedSecret>;
}
