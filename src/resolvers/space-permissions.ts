/**
 * Admin-page functions of the "Space permissions" section: preview and
 * submit permission changes, follow jobs, link the relay. Every function
 * checks that the caller is a Confluence admin before anything else.
 */
import { webTrigger } from '@forge/api';
import { z } from 'zod';
import { findGroup, spaceAssignments, spacesByKeys } from '../confluence/space-permissions';
import { listRoles, spaceRoleAssignments } from '../confluence/roles';
import { roleMode } from './role-mode';
import { displayNames, findUser } from '../confluence/users';
import type { SpaceRef } from '../confluence/spaces';
import { now } from '../clock';
import { planChanges } from '../permission-changes/plan';
import { planRoleChanges } from '../permission-changes/role-plan';
import { applyPathFor } from '../permission-changes/apply-path';
import { secretFingerprint } from '../contract/relay-protocol';
import {
  acceptedKinds,
  ChangeKind,
  ChangePayload,
  changeSchemaFor,
  ChangePreview,
  EmptyPayload,
  isRoleChange,
  ItemView,
  JobItemChange,
  JobsPage,
  JobView,
  ListJobsPayload,
  RelaySetup,
  RotatedSecret,
  RotatePayload,
  PERMISSION_CHANGE_LIMITS,
  preferredKind,
  RoleChange,
  RoleMode,
  SiteRole,
  SubmittedChange,
} from '../contract/permission-changes';
import { parsePayload } from '../rules';
import { createJob, itemsOfJob, listJobs, NewItem, newJobId, StoredItem } from '../storage/permission-jobs/jobs';
import { claimSubmit, releaseSubmit, submitQueued } from '../storage/permission-jobs/duplicate-submit';
import { oldestUnfinishedByTarget } from '../storage/permission-jobs/targets';
import { behindQueuedWork } from '../permission-changes/queued-work';
import type { JobData } from '../storage/permission-jobs/model';
import { oldestPendingSince } from '../storage/permission-jobs/pending';
import { linkInfo, rotateLinkSecret } from '../storage/relay/link';
import { readRelayStatus } from '../storage/relay/status';
import { AppError } from './envelope';
import { adminFunction } from './gate';

export const RELAY_TRIGGER_KEY = 'relay-trigger';
export const LIMITS = { ...PERMISSION_CHANGE_LIMITS, jobsPerPage: 10 } as const;
/** The admin page warns when work waits and the relay has not been seen for this long. */
export const RELAY_STALE_MS = 10 * 60 * 1000;

const unique = <T>(items: readonly T[], id: (t: T) => string): T[] => [
  ...new Map(items.map((i) => [id(i), i])).values(),
];

/** The payload as an individual or a role change, checked against the matching schema (BAD_REQUEST naming the field). */
function parseChange(raw: unknown): ChangePayload {
  const parsed = parsePayload(changeSchemaFor(raw), raw ?? {});
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.message, { field: parsed.field });
  return parsed.data;
}

const KIND_WORDS: Record<ChangeKind, string> = { permission: 'individual permission changes', role: 'role changes' };

/**
 * The site must accept this kind of change (section 9). A refusal made from
 * the cached mode is checked again against Confluence first: the mode may
 * have moved on (sites migrate to roles).
 */
async function modeFor(kind: ChangeKind): Promise<RoleMode> {
  let mode = await roleMode();
  if (!acceptedKinds(mode).includes(kind)) mode = await roleMode({ fresh: true });
  if (acceptedKinds(mode).includes(kind)) return mode;
  const why =
    mode === 'ROLES'
      ? 'This site uses space roles only (role mode ROLES): Confluence refuses individual permission changes there. Choose a role instead.'
      : 'This site does not use space roles (role mode PRE_ROLES): change individual permissions instead.';
  throw new AppError('BAD_REQUEST', `${KIND_WORDS[kind]} are not accepted here. ${why}`, {
    field: kind === 'role' ? 'roleId' : 'operations',
  });
}

async function namedSubjects(subjects: ChangePayload['subjects']) {
  return Promise.all(
    subjects.map(async (s, index) => {
      const found = s.type === 'user' ? await findUser(s.id) : await findGroup(s.id);
      if (!found)
        throw new AppError('BAD_REQUEST', `No ${s.type} with id "${s.id}" on this site.`, {
          field: `subjects[${index}].id`,
        });
      return { ...s, name: 'displayName' in found ? found.displayName : found.name };
    }),
  );
}

/** The chosen spaces in the order chosen; BAD_REQUEST naming any the site does not have. */
async function chosenSpaces(keys: readonly string[]): Promise<SpaceRef[]> {
  const spaces = await spacesByKeys(keys);
  const missing = keys.filter((k) => !spaces.some((s) => s.key.toUpperCase() === k.toUpperCase()));
  if (missing.length)
    throw new AppError('BAD_REQUEST', `No space with key ${missing.join(', ')} on this site.`, { field: 'spaceKeys' });
  const order = (key: string) => keys.findIndex((k) => k.toUpperCase() === key.toUpperCase());
  return spaces.sort((a, b) => order(a.key) - order(b.key));
}

function tooMany(count: number, what: string): AppError {
  return new AppError(
    'BAD_REQUEST',
    `That is ${count} changes; one job holds at most ${LIMITS.items}. Choose fewer ${what}.`,
    { field: 'spaceKeys' },
  );
}

interface BuiltPreview extends ChangePreview {
  roles?: SiteRole[];
}

async function buildRolePreview(payload: RoleChange): Promise<BuiltPreview> {
  const keys = unique(payload.spaceKeys, (k) => k.toUpperCase());
  const subjects = unique(payload.subjects, (s) => `${s.type}:${s.id}`);
  if (keys.length * subjects.length > LIMITS.items) throw tooMany(keys.length * subjects.length, 'spaces or subjects');
  // The mode first: a site without roles has no roles to list.
  await modeFor('role');
  const [roles, spaces, named] = await Promise.all([listRoles(), chosenSpaces(keys), namedSubjects(subjects)]);
  if (payload.roleId !== null && !roles.some((r) => r.id === payload.roleId))
    throw new AppError('BAD_REQUEST', `No space role with id "${payload.roleId}" on this site.`, { field: 'roleId' });
  const planSpaces = await Promise.all(
    spaces.map(async (s) => ({ ...s, assignments: await spaceRoleAssignments(s.id) })),
  );
  const rows = planRoleChanges(planSpaces, named, payload.roleId, roles);
  return { kind: 'role', rows, roles, ...counts(rows) };
}

async function buildPermissionPreview(payload: Exclude<ChangePayload, RoleChange>): Promise<BuiltPreview> {
  const keys = unique(payload.spaceKeys, (k) => k.toUpperCase());
  const subjects = unique(payload.subjects, (s) => `${s.type}:${s.id}`);
  const operations = unique(payload.operations, (o) => `${o.key}/${o.target}`);
  const count = keys.length * subjects.length * operations.length;
  if (count > LIMITS.items) throw tooMany(count, 'spaces, subjects or permissions');
  const [, spaces, named] = await Promise.all([modeFor('permission'), chosenSpaces(keys), namedSubjects(subjects)]);
  const planSpaces = await Promise.all(spaces.map(async (s) => ({ ...s, assignments: await spaceAssignments(s.id) })));
  const rows = planChanges(planSpaces, named, operations, payload.action);
  return { kind: 'permission', rows, ...counts(rows) };
}

const counts = (rows: ChangePreview['rows']) => ({
  changes: rows.filter((r) => r.status === 'change').length,
  already: rows.filter((r) => r.status === 'already').length,
});

/** The preview, with rows that wait behind queued work for the same target counted as changes. */
const buildPreview = async (payload: ChangePayload): Promise<BuiltPreview> => {
  const [preview, unfinished] = await Promise.all([
    isRoleChange(payload) ? buildRolePreview(payload) : buildPermissionPreview(payload),
    oldestUnfinishedByTarget(),
  ]);
  return behindQueuedWork(preview, unfinished);
};

const previewPermissionChanges = adminFunction(z.unknown(), async (raw): Promise<ChangePreview> => {
  const { roles: _roles, ...preview } = await buildPreview(parseChange(raw));
  return preview;
});

/** One stored item per preview row; rows already so are stored done and never reach the relay. */
function itemsOf(preview: BuiltPreview, request: ChangePayload): NewItem[] {
  return preview.rows.map((row): NewItem => {
    const where = { spaceKey: row.spaceKey, spaceId: row.spaceId, spaceName: row.spaceName, subject: row.subject };
    const already = row.status === 'already';
    if (row.kind === 'role') {
      return {
        already,
        data: {
          kind: 'role',
          ...where,
          roleId: row.to?.id ?? null,
          ...(row.to ? { roleName: row.to.name } : {}),
          fromRoleId: row.from?.id ?? null,
          ...(row.from ? { fromRoleName: row.from.name } : {}),
          applyBy: applyPathFor('role'),
        },
      };
    }
    const action = isRoleChange(request) ? 'grant' : request.action;
    return { already, data: { kind: 'permission', ...where, action, operation: row.operation, applyBy: 'relay' } };
  });
}

/** The preview is computed again here: what the page showed is never trusted. */
const submitPermissionChanges = adminFunction(z.unknown(), async (raw, { accountId }): Promise<SubmittedChange> => {
  const request = parseChange(raw);
  const preview = await buildPreview(request);
  if (preview.changes === 0)
    throw new AppError('CONFLICT', 'Nothing to change: every chosen permission or role is already so.');
  const at = now();
  const common = { submittedBy: accountId, submittedAt: new Date(at).toISOString(), itemCount: preview.rows.length };
  const roleName = isRoleChange(request) ? preview.roles?.find((r) => r.id === request.roleId)?.name : undefined;
  const data: JobData = isRoleChange(request)
    ? { ...common, kind: 'role', roleId: request.roleId, ...(roleName ? { roleName } : {}) }
    : { ...common, kind: 'permission', action: request.action };
  const items = itemsOf(preview, request);
  // A double-clicked submit (same admin, same changes, within seconds) is answered with the first one's job.
  const newId = newJobId(at);
  const { claim, earlierJobId } = await claimSubmit(
    accountId,
    isRoleChange(request) ? `role:${request.roleId}` : request.action,
    items.map((item) => JSON.stringify(item.data)),
    newId,
  );
  if (earlierJobId) {
    return { jobId: earlierJobId, items: preview.rows.length, changes: preview.changes, already: preview.already };
  }
  const jobId = await createJob({ createdAt: at, data }, items, at, newId).catch(async (error: unknown) => {
    await releaseSubmit(claim);
    throw error;
  });
  await submitQueued(claim, jobId);
  return { jobId, items: preview.rows.length, changes: preview.changes, already: preview.already };
});

function viewOf(item: StoredItem, at: number): ItemView {
  if (item.state === 'staged') return 'queued';
  if (item.state !== 'pending') return item.state;
  return item.data.leaseUntil !== undefined && item.data.leaseUntil > at ? 'in-progress' : 'queued';
}

/** What one item changes, as the job list shows it. */
function changeOf(item: StoredItem): JobItemChange {
  const data = item.data;
  if (data.kind === 'role') {
    return {
      kind: 'role',
      to: data.roleId ? { id: data.roleId, name: data.roleName ?? data.roleId } : null,
      from: data.fromRoleId ? { id: data.fromRoleId, name: data.fromRoleName ?? data.fromRoleId } : null,
    };
  }
  return { kind: 'permission', action: data.action, operation: data.operation };
}

const listPermissionJobs = adminFunction(ListJobsPayload, async (payload): Promise<JobsPage> => {
  const page = await listJobs(LIMITS.jobsPerPage, payload?.cursor);
  const at = now();
  const names = await displayNames(page.jobs.map((j) => j.data.submittedBy)).catch(() => new Map<string, string>());
  const jobs = await Promise.all(
    page.jobs.map(async (job): Promise<JobView> => {
      const items = (await itemsOfJob(job.id)).map((item) => ({
        itemId: item.key,
        spaceKey: item.data.spaceKey,
        spaceName: item.data.spaceName,
        subject: item.data.subject,
        ...changeOf(item),
        state: viewOf(item, at),
        attempts: item.data.attempts,
        message: item.data.message,
        finishedAt: item.data.finishedAt,
      }));
      const counts: Record<ItemView, number> = { queued: 0, 'in-progress': 0, applied: 0, already: 0, failed: 0 };
      for (const item of items) counts[item.state] += 1;
      return {
        id: job.id,
        ...(job.data.title ? { title: job.data.title } : {}),
        ...(job.data.kind === 'role'
          ? { kind: 'role' as const, roleId: job.data.roleId, roleName: job.data.roleName }
          : { kind: 'permission' as const, action: job.data.action }),
        submittedAt: job.data.submittedAt,
        submittedBy: { accountId: job.data.submittedBy, displayName: names.get(job.data.submittedBy) },
        itemCount: job.data.itemCount,
        counts,
        items,
      };
    }),
  );
  return { jobs, nextCursor: page.nextCursor };
});

/** The site's roles (none on PRE_ROLES sites, which have none). */
async function siteRoles(mode: RoleMode): Promise<SiteRole[]> {
  return mode === 'PRE_ROLES' ? [] : listRoles();
}

const getRelaySetup = adminFunction(EmptyPayload, async (): Promise<RelaySetup> => {
  const [url, link, relay, pendingSince, mode] = await Promise.all([
    webTrigger.getUrl(RELAY_TRIGGER_KEY),
    linkInfo(),
    readRelayStatus(),
    oldestPendingSince(),
    roleMode(),
  ]);
  const roles = await siteRoles(mode);
  const at = now();
  const lastSeen = relay ? Date.parse(relay.lastSeenAt) : undefined;
  let warning: string | undefined;
  if (pendingSince !== undefined) {
    if (!link.linked)
      warning = 'Changes are queued, but no relay is linked yet. Generate a link secret and start the relay.';
    else if (lastSeen === undefined)
      warning =
        'Changes are queued, but the relay has never connected. Check that it is running with this URL and secret.';
    else if (at - lastSeen > RELAY_STALE_MS) {
      warning = `Changes are queued, but the relay was last seen ${Math.round((at - lastSeen) / 60000)} minutes ago. Check that it is still running.`;
    }
  }
  return {
    webTriggerUrl: url,
    link,
    relay: relay ?? null,
    pending: pendingSince !== undefined,
    warning,
    roleMode: mode,
    accepts: acceptedKinds(mode),
    prefers: preferredKind(mode),
    roles,
  };
});

/**
 * Generates a new link secret and answers it: the only time it is ever
 * shown. With `replaceUrl`, the web trigger URL is replaced too, so anyone
 * holding the old URL cannot even reach the app.
 */
const rotateRelaySecret = adminFunction(RotatePayload, async (payload, { accountId }): Promise<RotatedSecret> => {
  const replaceUrl = payload?.replaceUrl;
  let url = await webTrigger.getUrl(RELAY_TRIGGER_KEY);
  if (replaceUrl) {
    await webTrigger.deleteUrl(url);
    url = await webTrigger.getUrl(RELAY_TRIGGER_KEY, { forceCreate: true });
  }
  const link = await rotateLinkSecret(accountId, new Date(now()));
  return {
    secret: link.secret,
    fingerprint: secretFingerprint(link.secret),
    createdAt: link.createdAt,
    webTriggerUrl: url,
  };
});

export const spacePermissionFunctions = {
  previewPermissionChanges,
  submitPermissionChanges,
  listPermissionJobs,
  getRelaySetup,
  rotateRelaySecret,
};
