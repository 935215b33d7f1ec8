/**
 * The relay protocol, shared by the app's web trigger (src/webtrigger) and the
 * relay CLI (relay/). Pure: zod and node:crypto only, no Forge imports.
 * docs/relay-protocol.md describes it for people.
 *
 * Every request and every answer is signed:
 *   signature = hex(HMAC-SHA256(linkSecret, "rly1\n" + timestamp + "\n" + nonce + "\n" + body))
 * sent as the headers below. The answer is signed over the request's nonce
 * and the answer's own timestamp and body, so a relay only applies work the
 * app signed for its own request.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { LIMITS } from '../rules/limits';
import { isValidOperation, operationId, OPERATIONS } from './operations';

/**
 * 2: work items carry `kind` ("permission" or "role"), so role assignments can
 * be queued. 1 is still accepted for relays not yet updated: they lease only
 * individual permission changes, and are told to update (UNSUPPORTED_PROTOCOL)
 * when role changes wait.
 */
export const PROTOCOL_VERSION = 2;
export const SUPPORTED_PROTOCOLS: readonly number[] = [1, 2];
/** The last protocol whose work items are individual permission changes only. */
export const PERMISSION_ONLY_PROTOCOL = 1;

export const HEADERS = {
  protocol: 'x-relay-protocol',
  timestamp: 'x-relay-timestamp',
  nonce: 'x-relay-nonce',
  signature: 'x-relay-signature',
} as const;

/** Requests older or newer than this (by the app's clock) are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;
/** Bodies above this are refused with 413 before anything else is read. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_LEASE_ITEMS = 25;
export const MIN_LEASE_SECONDS = 5;
export const MAX_LEASE_SECONDS = 600;
export const DEFAULT_LEASE_SECONDS = 120;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const TIMESTAMP = /^\d{10,16}$/;
const SIGNATURE = /^[0-9a-f]{64}$/;

export const newNonce = (): string => randomBytes(18).toString('base64url');
/** 32 random bytes, base64url: what the admin page shows once and the relay keeps. */
export const newLinkSecret = (): string => randomBytes(32).toString('base64url');

export const isNonce = (value: string): boolean => NONCE.test(value);
export const isTimestamp = (value: string): boolean => TIMESTAMP.test(value);
export const isSignature = (value: string): boolean => SIGNATURE.test(value);

export function sign(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`rly1\n${timestamp}\n${nonce}\n`).update(body, 'utf8').digest('hex');
}

/** Constant-time check of a hex signature (both are 64 hex characters once the format is checked). */
export function verify(secret: string, timestamp: string, nonce: string, body: string, signature: string): boolean {
  if (!isSignature(signature)) return false;
  const expected = Buffer.from(sign(secret, timestamp, nonce, body), 'hex');
  const given = Buffer.from(signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A short, non-secret fingerprint of a link secret, so both sides can tell which one they hold. */
export const secretFingerprint = (secret: string): string =>
  createHmac('sha256', 'relay-link-fingerprint').update(secret).digest('hex').slice(0, 12);

// ---- operations ----------------------------------------------------------

export { isValidOperation, operationId, OPERATIONS } from './operations';
export type { PermissionOperation } from './operations';

/** accountIds and group ids, as the rule rows keep them. */
export const SUBJECT_ID_MAX_LENGTH = LIMITS.idMaxLength;
/** Space role ids: site-specific strings (v2 "Get space roles"). */
export const ROLE_ID_MAX_LENGTH = 200;

export const Operation = z
  .object({ key: z.string().min(1).max(40), target: z.string().min(1).max(40) })
  .strict()
  .refine(isValidOperation, { message: `must be one of ${OPERATIONS.map(operationId).join(', ')}` });

export const Subject = z
  .object({ type: z.enum(['user', 'group']), id: z.string().min(1).max(SUBJECT_ID_MAX_LENGTH) })
  .strict();
export type Subject = z.infer<typeof Subject>;

export const Action = z.enum(['grant', 'revoke']);
export type Action = z.infer<typeof Action>;

// ---- messages --------------------------------------------------------------

const ItemId = z.string().regex(/^[A-Za-z0-9:._-]{1,120}$/);
const LeaseToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const RelayInfo = z
  .object({
    version: z.string().min(1).max(40),
    instance: z.string().min(1).max(80),
    lastError: z.string().max(500).optional(),
  })
  .strict();
export type RelayInfo = z.infer<typeof RelayInfo>;

/** Requests may speak any supported version; the app answers in the request's. */
const RequestProtocol = z.union([z.literal(PERMISSION_ONLY_PROTOCOL), z.literal(PROTOCOL_VERSION)]);
const base = { protocol: RequestProtocol, relay: RelayInfo };

export const LeaseRequest = z
  .object({
    ...base,
    type: z.literal('lease'),
    max: z.number().int().min(1).max(MAX_LEASE_ITEMS),
    leaseSeconds: z.number().int().min(MIN_LEASE_SECONDS).max(MAX_LEASE_SECONDS).default(DEFAULT_LEASE_SECONDS),
  })
  .strict();

/** Pending items without leasing them: what `--dry-run` shows. */
export const PeekRequest = z
  .object({ ...base, type: z.literal('peek'), max: z.number().int().min(1).max(100) })
  .strict();

export const Outcome = z.enum(['applied', 'already', 'failed']);
export type Outcome = z.infer<typeof Outcome>;

export const ItemResult = z
  .object({
    itemId: ItemId,
    leaseToken: LeaseToken,
    outcome: Outcome,
    message: z.string().max(500).optional(),
  })
  .strict();
export type ItemResult = z.infer<typeof ItemResult>;

export const ReportRequest = z
  .object({ ...base, type: z.literal('report'), results: z.array(ItemResult).min(1).max(MAX_LEASE_ITEMS) })
  .strict();

/** A heartbeat, or a relay saying why it stopped (`relay.lastError`). */
export const StatusRequest = z.object({ ...base, type: z.literal('status') }).strict();

export const RelayRequest = z.discriminatedUnion('type', [LeaseRequest, PeekRequest, ReportRequest, StatusRequest]);
export type RelayRequest = z.infer<typeof RelayRequest>;
export type LeaseRequest = z.infer<typeof LeaseRequest>;
export type ReportRequest = z.infer<typeof ReportRequest>;

/** Protocol 1's work item: one individual permission to grant or revoke. */
export const PermissionWorkItemV1 = z.object({
  itemId: ItemId,
  leaseToken: LeaseToken.optional(),
  jobId: z.string(),
  action: Action,
  spaceKey: z.string(),
  spaceId: z.string(),
  subject: Subject,
  operation: z.object({ key: z.string(), target: z.string() }),
  attempt: z.number().int(),
});
export type PermissionWorkItemV1 = z.infer<typeof PermissionWorkItemV1>;

export const PermissionWorkItem = PermissionWorkItemV1.extend({ kind: z.literal('permission') });
export type PermissionWorkItem = z.infer<typeof PermissionWorkItem>;

/**
 * One subject's role in one space: `roleId` to assign (replacing any role the
 * subject holds there), or null to remove the subject's role. Applied with
 * POST /wiki/api/v2/spaces/{spaceId}/role-assignments.
 */
export const RoleWorkItem = z.object({
  kind: z.literal('role'),
  itemId: ItemId,
  leaseToken: LeaseToken.optional(),
  jobId: z.string(),
  spaceKey: z.string(),
  spaceId: z.string(),
  subject: Subject,
  roleId: z.string().min(1).max(ROLE_ID_MAX_LENGTH).nullable(),
  /** The role's site name when queued, for logs only (names are localised; the id decides). */
  roleName: z.string().max(255).optional(),
  attempt: z.number().int(),
});
export type RoleWorkItem = z.infer<typeof RoleWorkItem>;

export const WorkItem = z.discriminatedUnion('kind', [PermissionWorkItem, RoleWorkItem]);
export type WorkItem = z.infer<typeof WorkItem>;

export const LeaseAnswer = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  items: z.array(WorkItem),
  leaseExpiresAt: z.string().optional(),
  /** More is waiting: poll again at once. */
  more: z.boolean(),
});
export type LeaseAnswer = z.infer<typeof LeaseAnswer>;

export const PeekAnswer = z.object({ protocol: z.literal(PROTOCOL_VERSION), items: z.array(WorkItem) });

export const ReportAnswer = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  results: z.array(
    z.object({
      itemId: z.string(),
      /**
       * recorded: this report set the state; duplicate: already recorded (same or earlier result kept);
       * unknown: no such item; expired: this lease ran out (or a newer one was handed out), so the result was not recorded.
       */
      status: z.enum(['recorded', 'duplicate', 'unknown', 'expired']),
      state: z.string().optional(),
    }),
  ),
});
export type ReportAnswer = z.infer<typeof ReportAnswer>;

export const StatusAnswer = z.object({ protocol: z.literal(PROTOCOL_VERSION), ok: z.literal(true) });

export const ErrorAnswer = z.object({
  error: z.object({ code: z.string(), message: z.string(), supported: z.array(z.number()).optional() }),
});
export type RefusalCode =
  | 'NOT_LINKED'
  | 'UNSIGNED'
  | 'BAD_SIGNATURE'
  | 'STALE'
  | 'REPLAYED'
  | 'MALFORMED'
  | 'UNSUPPORTED_PROTOCOL'
  | 'TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'BUSY'
  | 'INTERNAL';
