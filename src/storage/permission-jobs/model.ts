/**
 * Space-permission jobs and their items as stored in the Custom Entity Store
 * (entities `relayjob` and `relayitem` in manifest.yml).
 *
 * An item is written `staged` (invisible to relays), becomes `pending` once
 * its job record exists (the job is written last: the submit's commit
 * point), and stays `pending` until a relay reports its outcome. `availableAt` (ms)
 * is when it may be leased: its job's submit time while queued, the lease's
 * end while a relay holds it, so one range query on the `bystate` index
 * finds both queued items and items whose lease has run out.
 */
import type { Action, Outcome, Subject } from '../../contract/relay-protocol';
import type { ApplyPath } from '../../contract/permission-changes';

export const JOB_ENTITY = 'relayjob';
export const ITEM_ENTITY = 'relayitem';
export const ITEM_STATE_INDEX = 'bystate';
export const ITEM_JOB_INDEX = 'byjob';

/** A relay that leases an item this many times without reporting makes it fail. */
export const MAX_ATTEMPTS = 5;
/** Lease tokens kept per item, so a late report from an expired lease is still recognised. */
export const KEPT_LEASE_TOKENS = MAX_ATTEMPTS;

export type ItemState = 'staged' | 'pending' | Outcome;

/** A staged item older than this whose job record exists was stranded by a submit that died mid-way: it is promoted by the next lease. */
export const STAGED_GRACE_MS = 60_000;

export interface NamedSubject extends Subject {
  name?: string;
}

/** What an item changes: one individual permission, or one subject's role (items stored before roles have no `kind`). */
export type ItemChange =
  | { kind?: 'permission'; action: Action; operation: { key: string; target: string } }
  | {
      kind: 'role';
      /** The role to assign, or null to remove the subject's role. */
      roleId: string | null;
      roleName?: string;
      /** The subject's role when the job was submitted (the preview's "from"). */
      fromRoleId?: string | null;
      fromRoleName?: string;
    };

export type ItemData = ItemChange & {
  spaceKey: string;
  spaceId: string;
  spaceName?: string;
  subject: NamedSubject;
  /** Who applies it; only the relay today (see src/permission-changes/apply-path.ts). Absent: the relay. */
  applyBy?: ApplyPath;
  attempts: number;
  leaseTokens: string[];
  leaseUntil?: number;
  leasedBy?: string;
  message?: string;
  finishedAt?: string;
  /**
   * The item that must be done first: for a grant, the same subject's
   * read/space grant in the same space and job (Confluence refuses other
   * permissions before it). Leasing holds this item back until then.
   */
  after?: string;
  /** Set for items that were already so when the job was submitted. */
  atSubmit?: boolean;
};

export const isRoleItem = (data: ItemData): data is ItemData & { kind: 'role' } => data.kind === 'role';

export interface ItemEntity {
  jobId: string;
  seq: number;
  state: ItemState;
  version: number;
  availableAt: number;
  data: ItemData;
}

export type JobData = {
  submittedBy: string;
  submittedAt: string;
  itemCount: number;
  /** What the job does, for jobs whose items differ in what they change (Copy Space's role copy). */
  title?: string;
} & ({ kind?: 'permission'; action: Action } | { kind: 'role'; roleId: string | null; roleName?: string });

export interface JobEntity {
  createdAt: number;
  data: JobData;
}

export const itemKey = (jobId: string, seq: number): string => `${jobId}.${String(seq).padStart(5, '0')}`;
