/**
 * One reading of what a failed Forge KVS call means, for every caller.
 * The platform answers a non-2xx status with `{code, message}`, which
 * @forge/kvs throws as ForgeKvsAPIError. Codes the docs do not name (a
 * failed condition, a FAIL_IF_EXISTS clash) are matched by their status
 * too (409), so a renamed code still reads right.
 */
import { ForgeKvsAPIError } from '@forge/kvs';

export type KvsFailure = 'rate-limited' | 'conflict' | 'other';

export function kvsFailure(error: unknown): KvsFailure {
  if (!(error instanceof ForgeKvsAPIError)) return 'other';
  const { code } = error;
  const status = error.responseDetails.status;
  if (status === 429 || code === 'RATE_LIMIT_EXCEEDED') return 'rate-limited';
  if (status === 409 || code === 'CONDITIONAL_CHECK_FAILED' || code === 'KEY_CONFLICT') return 'conflict';
  return 'other';
}

/** Storage refused the call for load: worth a retry after a pause. */
export const isKvsRateLimited = (error: unknown): boolean => kvsFailure(error) === 'rate-limited';

/** A condition failed, or a FAIL_IF_EXISTS key already exists. */
export const isKvsConflict = (error: unknown): boolean => kvsFailure(error) === 'conflict';
