/**
 * Admin-page functions of the "Space permissions" section: preview and
 * submit permission changes, follow jobs, link the relay. Every function
 * checks that the caller is a Confluence admin before anything else.
 */
import { webTrigger } from '@forge/api';
import { Sort, WhereConditions, kvs } from '@forge/kvs';
import { z } from 'zod';
import { findGroup, spaceAssignments, spacesByKeys } from '../confluence/space-permissions';
import { displayNames, findUser } from '../confluence/users';
import { now } from '../clock';
import { planChanges, PlanRow, PlanSpace } from '../permission-changes/plan';
import { Action, Operation, secretFingerprint } from '../contract/relay-protocol';
import { createJob, itemsOfJob, listJobs, newJobId, StoredItem } from '../storage/permission-jobs/jobs';
import { claimSubmit, releaseSubmit, submitQueued } from '../storage/permission-jobs/duplicate-submit';
import { ITEM_ENTITY, ITEM_STATE_INDEX, ItemEntity } from '../storage/permission-jobs/model';
import { linkInfo, rotateLinkSecret } from '../storage/relay/link';
import { readRelayStatus } from '../storage/relay/status';
import { AppError } from './envelope';
import { adminFunction } from './gate';

export const RELAY_TRIGGER_KEY = 'relay-trigger';
export const LIMITS = { spaces: 50, subjects: 50, items: 500, jobsPerPage: 10 } as const;
/** The admin page warns when work waits and the relay has not been seen for this long. */
export const RELAY_STALE_MS = 10 * 60 * 1000;

const SpaceKey = z.string().regex(/^[A-Za-z0-9]{1,255}$/, 'must be a space key (letters and digits)');
const ChangeSubject = z.strictObject({ type: z.enum(['user', 'group']), id: z.string().min(1).max(200) });

const ChangePayload = z.strictObject({
  spaceKeys: z.array(SpaceKey).min(1, 'choose at least one space').max(LIMITS.spaces),
  subjects: z.array(ChangeSubject).min(1, 'choose at least one user or group').max(LIMITS.subjects),
  operations: z.array(Operation).min(1, 'choose at least one permission'),
  action: Action,
});
type ChangePayload = z.infer<typeof ChangePayload>;

const ListJobsPayload = z.union([z.strictObject({ cursor: z.string().min(1).max(500).optional() }), z.undefined()]);
const RotatePayload = z.union([z.strictObject({ replaceUrl: z.boolean().optional() }), z.undefined()]);
const EmptyPayload = z.union([z.strictObject({}), z.undefined()]);

const unique = <T>(items: readonly T[], id: (t: T) => string): T[] => [
  ...new Map(items.map((i) => [id(i), i])).values(),
];

interface Preview {
  rows: PlanRow[];
  changes: number;
  already: number;
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

async function buildPreview(payload: ChangePayload): Promise<Preview> {
  const keys = unique(payload.spaceKeys, (k) => k.toUpperCase());
  const subjects = unique(payload.subjects, (s) => `${s.type}:${s.id}`);
  const operations = unique(payload.operations, (o) => `${o.key}/${o.target}`);
  if (keys.length * subjects.length * operations.length > LIMITS.items) {
    throw new AppError(
      'BAD_REQUEST',
      `That is ${keys.length * subjects.length * operations.length} changes; one job holds at most ${LIMITS.items}. Choose fewer spaces, subjects or permissions.`,
      { field: 'spaceKeys' },
    );
  }
  const [spaces, named] = await Promise.all([spacesByKeys(keys), namedSubjects(subjects)]);
  const missing = keys.filter((k) => !spaces.some((s) => s.key.toUpperCase() === k.toUpperCase()));
  if (missing.length)
    throw new AppError('BAD_REQUEST', `No space with key ${missing.join(', ')} on this site.`, { field: 'spaceKeys' });
  const order = (key: string) => keys.findIndex((k) => k.toUpperCase() === key.toUpperCase());
  spaces.sort((a, b) => order(a.key) - order(b.key));
  const planSpaces: PlanSpace[] = await Promise.all(
    spaces.map(async (s) => ({ ...s, assignments: await spaceAssignments(s.id) })),
  );
  const rows = planChanges(planSpaces, named, operations, payload.action);
  return {
    rows,
    changes: rows.filter((r) => r.status === 'change').length,
    already: rows.filter((r) => r.status === 'already').length,
  };
}

const previewPermissionChanges = adminFunction(ChangePayload, (payload) => buildPreview(payload));

/** The preview is computed again here: what the page showed is never trusted. */
const submitPermissionChanges = adminFunction(ChangePayload, async (request, { accountId }) => {
  const preview = await buildPreview(request);
  if (preview.changes === 0)
    throw new AppError('CONFLICT', 'Nothing to change: every chosen permission is already so.');
  const at = now();
  // A double-clicked submit (same admin, same changes, within seconds) is answered with the first one's job.
  const newId = newJobId(at);
  const { claim, earlierJobId } = await claimSubmit(
    accountId,
    request.action,
    preview.rows.map((row) => JSON.stringify([row.spaceId, row.subject.type, row.subject.id, row.operation])),
    newId,
  );
  if (earlierJobId) {
    return { jobId: earlierJobId, items: preview.rows.length, changes: preview.changes, already: preview.already };
  }
  const jobId = await createJob(
    {
      createdAt: at,
      data: {
        submittedBy: accountId,
        submittedAt: new Date(at).toISOString(),
        action: request.action,
        itemCount: preview.rows.length,
      },
    },
    preview.rows.map((row) => ({
      already: row.status === 'already',
      data: {
        action: request.action,
        spaceKey: row.spaceKey,
        spaceId: row.spaceId,
        spaceName: row.spaceName,
        subject: row.subject,
        operation: row.operation,
      },
    })),
    at,
    newId,
  ).catch(async (error: unknown) => {
    await releaseSubmit(claim);
    throw error;
  });
  await submitQueued(claim, jobId);
  return { jobId, items: preview.rows.length, changes: preview.changes, already: preview.already };
});

export type ItemView = 'queued' | 'in-progress' | 'applied' | 'already' | 'failed';

function viewOf(item: StoredItem, at: number): ItemView {
  if (item.state === 'staged') return 'queued';
  if (item.state !== 'pending') return item.state;
  return item.data.leaseUntil !== undefined && item.data.leaseUntil > at ? 'in-progress' : 'queued';
}

const listPermissionJobs = adminFunction(ListJobsPayload, async (payload) => {
  const page = await listJobs(LIMITS.jobsPerPage, payload?.cursor);
  const at = now();
  const names = await displayNames(page.jobs.map((j) => j.data.submittedBy)).catch(() => new Map<string, string>());
  const jobs = await Promise.all(
    page.jobs.map(async (job) => {
      const items = (await itemsOfJob(job.id)).map((item) => ({
        itemId: item.key,
        spaceKey: item.data.spaceKey,
        spaceName: item.data.spaceName,
        subject: item.data.subject,
        operation: item.data.operation,
        state: viewOf(item, at),
        attempts: item.data.attempts,
        message: item.data.message,
        finishedAt: item.data.finishedAt,
      }));
      const counts: Record<ItemView, number> = { queued: 0, 'in-progress': 0, applied: 0, already: 0, failed: 0 };
      for (const item of items) counts[item.state] += 1;
      return {
        id: job.id,
        action: job.data.action,
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

async function oldestPendingSince(): Promise<number | undefined> {
  const first = await kvs
    .entity<ItemEntity>(ITEM_ENTITY)
    .query()
    .index(ITEM_STATE_INDEX, { partition: ['pending'] })
    .where(WhereConditions.greaterThanEqualTo(0))
    .sort(Sort.ASC)
    .limit(1)
    .getOne();
  return first?.value.availableAt;
}

const getRelaySetup = adminFunction(EmptyPayload, async () => {
  const [url, link, relay, pendingSince] = await Promise.all([
    webTrigger.getUrl(RELAY_TRIGGER_KEY),
    linkInfo(),
    readRelayStatus(),
    oldestPendingSince(),
  ]);
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
  return { webTriggerUrl: url, link, relay: relay ?? null, pending: pendingSince !== undefined, warning };
});

/**
 * Generates a new link secret and answers it: the only time it is ever
 * shown. With `replaceUrl`, the web trigger URL is replaced too, so anyone
 * holding the old URL cannot even reach the app.
 */
const rotateRelaySecret = adminFunction(RotatePayload, async (payload, { accountId }) => {
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
