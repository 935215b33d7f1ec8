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

export interface ItemData {
  action: Action;
  spaceKey: string;
  spaceId: string;
  spaceName?: string;
  subject: NamedSubject;
  operation: { key: string; target: string };
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
}

export interface ItemEntity {
  jobId: string;
  seq: number;
  state: ItemState;
  version: number;
  availableAt: number;
  data: ItemData;
}

export interface JobData {
  submittedBy: string;
  submittedAt: string;
  action: Action;
  itemCount: number;
}

export interface JobEntity {
  createdAt: number;
  data: JobData;
}

export const itemKey = (jobId: string, seq: number): string => `${jobId}.${String(seq).padStart(5, '0')}`;
