import { kvs } from '@forge/kvs';
import { isKvsConflict } from '../kvs-errors';

/**
 * Nonces of accepted relay requests. Each is written with FAIL_IF_EXISTS, so
 * of two requests with the same nonce exactly one is accepted, even at the
 * same moment; a TTL longer than the signature window lets storage forget a
 * nonce only once a request carrying it would be refused as stale anyway.
 */
const PREFIX = 'relay:nonce:';

export async function acceptNonce(nonce: string, ttlSeconds: number): Promise<boolean> {
  try {
    await kvs.set(`${PREFIX}${nonce}`, 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } });
    return true;
  } catch (error) {
    if (isKvsConflict(error)) return false;
    throw error;
  }
}
