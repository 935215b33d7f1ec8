/**
 * Recognises a submit repeated within a short window (a double-clicked
 * button, a retried request): the same admin asking for the same changes
 * right after the same earlier submit. The first claims the request with a
 * FAIL_IF_EXISTS write that expires after the window ("Key-Value Store" set
 * options), so of two submits racing, exactly one queues a job and the other
 * is answered with that job. The claim names the admin's previous job too,
 * so grant, revoke, grant again is three jobs, however quick; and a job
 * already finished is never a reason to refuse the same change again (the
 * admin retries a change that failed).
 */
import { createHash } from 'node:crypto';
import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import { itemsOfJob } from './jobs';

export const DUPLICATE_WINDOW_SECONDS = 10;

const hash = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 32);
const ttl = { value: DUPLICATE_WINDOW_SECONDS, unit: 'SECONDS' as const };

export interface SubmitClaim {
  key: string;
  lastKey: string;
  fingerprint: string;
}

/** Claims this submit for `jobId`; answers the job of the same submit made just before instead. */
export async function claimSubmit(
  accountId: string,
  action: string,
  changes: string[],
  jobId: string,
): Promise<{ claim: SubmitClaim; earlierJobId?: string }> {
  const lastKey = `relay:lastsubmit:${hash(accountId)}`;
  const fingerprint = hash(JSON.stringify([accountId, action, [...changes].sort()]));
  const last = await kvs.get<{ jobId: string; fingerprint: string }>(lastKey);
  const key = `relay:submit:${hash(`${fingerprint} ${last?.jobId ?? ''}`)}`;
  const claim = { key, lastKey, fingerprint };
  // The admin's last job, just queued, was this very submit.
  if (last?.fingerprint === fingerprint && (await stillQueued(last.jobId))) return { claim, earlierJobId: last.jobId };
  try {
    await kvs.set(key, { jobId }, { keyPolicy: 'FAIL_IF_EXISTS', ttl });
    return { claim };
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError) || error.responseDetails.status !== 409) throw error;
    const earlier = (await kvs.get<{ jobId: string }>(key))?.jobId;
    return earlier && (await stillQueued(earlier)) ? { claim, earlierJobId: earlier } : { claim };
  }
}

/** Not finished yet: an item still waits, or the job is still being written (no item stored yet). */
async function stillQueued(jobId: string): Promise<boolean> {
  const items = await itemsOfJob(jobId);
  return items.length === 0 || items.some((item) => item.state === 'pending' || item.state === 'staged');
}

/** The job is queued: the admin's next submit is compared with this one. */
export async function submitQueued(claim: SubmitClaim, jobId: string): Promise<void> {
  await kvs.set(claim.lastKey, { jobId, fingerprint: claim.fingerprint }, { ttl });
}

/** A submit that failed gives its claim back, so the admin can try again at once. */
export async function releaseSubmit(claim: SubmitClaim): Promise<void> {
  await kvs.delete(claim.key).catch(() => undefined);
}
