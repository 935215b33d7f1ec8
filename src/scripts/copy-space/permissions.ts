/**
 * Copy Space's last step: the source space's access, queued as one
 * permission-change job for the new space (apps cannot write space
 * permissions; the relay applies the job). What is copied follows the
 * site's role mode (permissions-plan.ts `copyKindFor`): individual
 * permissions, or role assignments on a site with space roles (the relay
 * refuses individual permissions on a roles-only site).
 *
 * Idempotent: the job's submit time and the mode it was planned for are
 * saved in the item's state before the job is written, and a retry with
 * that mark finds the job by it instead of queueing another.
 */
import { now } from '../../clock';
import { fetchRoleMode, listRoles, spaceRoleAssignments } from '../../confluence/roles';
import { spaceAssignments } from '../../confluence/space-permissions';
import type { RoleMode } from '../../contract/permission-changes';
import { applyPathFor } from '../../permission-changes/apply-path';
import { createJob, listJobs, NewItem } from '../../storage/permission-jobs/jobs';
import type { JobData } from '../../storage/permission-jobs/model';
import type { ItemInProgress, ItemOutcome, ScriptContext } from '../types';
import type { TargetSpace } from './content';
import { copyKindFor, planPermissionCopy, planRoleJob } from './permissions-plan';

export const JOB_KEY = 'job';
/** How the job copied access ({mode, skipped}), for the run's summary. */
export const JOB_INFO_KEY = 'jobInfo';
/** The largest permission job the queue takes (src/resolvers/space-permissions.ts LIMITS.items). */
export const MAX_JOB_ITEMS = 500;
/** Skipped assignments named in the summary; the rest are counted. */
const SKIPPED_NAMED = 5;

export interface JobInfo {
  [key: string]: string | string[] | number;
  mode: RoleMode;
  skipped: string[];
  skippedCount: number;
}

/** A planned job, or the item's outcome when there is nothing (or too much) to queue. */
/** Omit over each member of a union (the built-in Omit would merge a job's two kinds into one). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Planned =
  | { data: OmitEach<JobData, 'submittedBy' | 'submittedAt' | 'itemCount'>; items: NewItem[]; skipped: string[] }
  | { outcome: ItemOutcome };

function tooMany(count: number, what: string): Planned {
  return {
    outcome: {
      status: 'failed',
      reason: `The source space has ${count} ${what} to copy; one permission job holds at most ${MAX_JOB_ITEMS}. Copy them from the admin page in parts.`,
    },
  };
}

async function planIndividualJob(ctx: ScriptContext, target: TargetSpace): Promise<Planned> {
  const [source, held] = await Promise.all([spaceAssignments(ctx.scope.space.id), spaceAssignments(target.id)]);
  const plan = planPermissionCopy(source, { ...target, assignments: held });
  if (!plan.rows.some((r) => r.status === 'change'))
    return { outcome: { status: 'skipped', reason: 'Every permission of the source space is already so.' } };
  if (plan.rows.length > MAX_JOB_ITEMS) return tooMany(plan.rows.length, 'permissions');
  return {
    data: { action: 'grant' },
    skipped: plan.skipped,
    items: plan.rows.map((row) => ({
      already: row.status === 'already',
      data: {
        action: 'grant' as const,
        spaceKey: row.spaceKey,
        spaceId: row.spaceId,
        spaceName: row.spaceName,
        subject: row.subject,
        operation: row.operation,
      },
    })),
  };
}

/** The role items, shaped as the admin page queues a role change (src/resolvers/space-permissions.ts `itemsOf`). */
async function planRoleCopyJob(ctx: ScriptContext, target: TargetSpace): Promise<Planned> {
  const [source, held, roles] = await Promise.all([
    spaceRoleAssignments(ctx.scope.space.id),
    spaceRoleAssignments(target.id),
    listRoles(),
  ]);
  const plan = planRoleJob(source, held, ctx.scope.accountId, roles);
  if (plan.rows.length === 0) {
    return {
      outcome: {
        status: 'skipped',
        reason: 'Every role assignment of the source space is already so in the new space.',
      },
    };
  }
  if (plan.rows.length > MAX_JOB_ITEMS) return tooMany(plan.rows.length, 'role assignments');
  return {
    // The items give different roles: the job names what it does instead of one role (roleId null).
    data: { kind: 'role', roleId: null, title: `Roles copied from ${ctx.scope.space.key} to ${target.key}` },
    skipped: plan.skipped,
    items: plan.rows.map((row) => ({
      already: false,
      data: {
        kind: 'role' as const,
        spaceKey: target.key,
        spaceId: target.id,
        spaceName: target.name,
        subject: row.subject,
        roleId: row.to.id,
        roleName: row.to.name,
        fromRoleId: row.from?.id ?? null,
        ...(row.from ? { fromRoleName: row.from.name } : {}),
        applyBy: applyPathFor('role'),
      },
    })),
  };
}

export async function queuePermissions(
  ctx: ScriptContext,
  target: TargetSpace,
  item: ItemInProgress,
): Promise<ItemOutcome> {
  const scratch = ctx.scratch!;
  const known = (item.state?.jobId as string | undefined) ?? (await scratch.get<string>(JOB_KEY));
  if (known) return { status: 'done' };
  const runner = ctx.scope.accountId;
  const submittedAt = item.state?.submittedAt as number | undefined;
  const info = item.state?.info as JobInfo | undefined;
  if (submittedAt !== undefined && info) {
    const { jobs } = await listJobs(20);
    const mine = jobs.find((j) => j.createdAt === submittedAt && j.data.submittedBy === runner);
    if (mine) {
      await scratch.setMany([
        { key: JOB_KEY, value: mine.id },
        { key: JOB_INFO_KEY, value: info },
      ]);
      return { status: 'done' };
    }
  }
  // Asked of Confluence, not a cached answer: the job's kind is decided once, and the relay refuses the wrong one.
  const mode = info?.mode ?? (await fetchRoleMode());
  const planned =
    copyKindFor(mode) === 'role' ? await planRoleCopyJob(ctx, target) : await planIndividualJob(ctx, target);
  if ('outcome' in planned) return planned.outcome;
  const planInfo: JobInfo = {
    mode,
    skipped: planned.skipped.slice(0, SKIPPED_NAMED),
    skippedCount: planned.skipped.length,
  };
  const at = now();
  await item.checkpoint({ submittedAt: at, info: planInfo });
  const common = { submittedBy: runner, submittedAt: new Date(at).toISOString(), itemCount: planned.items.length };
  const jobId = await createJob({ createdAt: at, data: { ...common, ...planned.data } }, planned.items, at);
  await scratch.setMany([
    { key: JOB_KEY, value: jobId },
    { key: JOB_INFO_KEY, value: planInfo },
  ]);
  await item.checkpoint({ jobId });
  return { status: 'done' };
}

/** The summary's sentence on the job: what it copied and why that kind, and what it could not. */
export function jobSentence(info: JobInfo | undefined): string {
  const why =
    info?.mode === 'ROLES'
      ? 'Its role assignments (this site uses space roles only)'
      : info?.mode === 'ROLES_TRANSITION'
        ? 'Its role assignments (this site has both space roles and individual permissions, and prefers roles; individual permissions no role gives were not copied)'
        : 'Its permissions';
  const skipped = info?.skippedCount
    ? ` Not copied: ${info.skipped.join('; ')}${info.skippedCount > info.skipped.length ? ` and ${info.skippedCount - info.skipped.length} more` : ''}.`
    : '';
  return ` ${why} wait in the permission-change job linked here, for the relay to apply.${skipped}`;
}
