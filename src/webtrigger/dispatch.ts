import { leaseItems, peekPending, recordResults } from '../storage/permission-jobs/leases';
import { recordRelaySeen } from '../storage/relay/status';
import type { RelayRequest } from '../contract/relay-protocol';

/** Runs one authenticated, validated request; the answer is signed by the caller. */
export async function dispatch(request: RelayRequest, at: number): Promise<Record<string, unknown>> {
  await recordRelaySeen(request.relay, new Date(at));
  switch (request.type) {
    case 'lease': {
      const lease = await leaseItems(at, request.max, request.leaseSeconds, request.relay.instance);
      return {
        items: lease.items,
        more: lease.more,
        ...(lease.items.length ? { leaseExpiresAt: new Date(lease.leaseExpiresAt).toISOString() } : {}),
      };
    }
    case 'peek':
      return { items: await peekPending(at, request.max) };
    case 'report':
      return { results: await recordResults(request.results, at) };
    case 'status':
      return { ok: true };
  }
}
