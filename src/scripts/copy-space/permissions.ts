/**
 * Copy Space's last step: the source space's permissions, queued as one
 * permission-change job for the new space (apps cannot write space
 * permissions; the relay applies the job). Idempotent: the job's submit
 * time is saved in the item's state before the job is written, and a
 * retry with that mark finds the job by it instead of queueing another.
 */
import { spaceAssignments } from '../../confluence/space-permissions';
import { createJob, listJobs } from '../../storage/permission-jobs/jobs';
import type { ItemInProgress, ItemOutcome, ScriptContext } from '../types';
import type { TargetSpace } from './content';
import { planPermissionCopy } from './permissions-plan';

export const JOB_KEY = 'job';
/** The largest permission job the queue takes (src/resolvers/space-permissions.ts LIMITS.items). */
export const MAX_JOB_ITEMS = 500;

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
  if (submittedAt !== undefined) {
    const { jobs } = await listJobs(20);
    const mine = jobs.find((j) => j.createdAt === submittedAt && j.data.submittedBy === runner);
    if (mine) {
      await scratch.set(JOB_KEY, mine.id);
      return { status: 'done' };
    }
  }
  const [source, now] = await Promise.all([spaceAssignments(ctx.scope.space.id), spaceAssignments(target.id)]);
  const plan = planPermissionCopy(source, { ...target, assignments: now });
  const changes = plan.rows.filter((r) => r.status === 'change');
  if (changes.length === 0) return { status: 'skipped', reason: 'Every permission of the source space is already so.' };
  if (plan.rows.length > MAX_JOB_ITEMS) {
    return {
      status: 'failed',
      reason: `The source space has ${plan.rows.length} permissions to copy; one permission job holds at most ${MAX_JOB_ITEMS}. Copy them from the admin page in parts.`,
    };
  }
  const at = Date.now();
  await item.checkpoint({ submittedAt: at });
  const jobId = await createJob(
    {
      createdAt: at,
      data: {
        submittedBy: runner,
        submittedAt: new Date(at).toISOString(),
        action: 'grant',
        itemCount: plan.rows.length,
      },
    },
    plan.rows.map((row) => ({
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
    at,
  );
  await scratch.set(JOB_KEY, jobId);
  await item.checkpoint({ jobId });
  return { status: 'done' };
}
