import { leaseItems, peekPending, recordResults, RelayTooOldError } from '../storage/permission-jobs/leases';
import { recordRelaySeen } from '../storage/relay/status';
import { PERMISSION_ONLY_PROTOCOL, type RelayRequest, type WorkItem } from '../contract/relay-protocol';
import { noteReportedResults } from './role-mode-signals';

/** Protocol 1 work items have no `kind`: they are all individual permission changes. */
function inProtocol(protocol: number, items: WorkItem[]): unknown[] {
  if (protocol !== PERMISSION_ONLY_PROTOCOL) return items;
  return items.map((item) => {
    if (item.kind !== 'permission') throw new RelayTooOldError();
    const { kind: _kind, ...v1 } = item;
    return v1;
  });
}

/** Runs one authenticated, validated request; the answer is signed by the caller. */
export async function dispatch(request: RelayRequest, at: number): Promise<Record<string, unknown>> {
  const ability = request.protocol === PERMISSION_ONLY_PROTOCOL ? 'permissions-only' : 'all';
  try {
    await recordRelaySeen(request.relay, new Date(at));
    switch (request.type) {
      case 'lease': {
        const lease = await leaseItems(at, request.max, request.leaseSeconds, request.relay.instance, ability);
        return {
          items: inProtocol(request.protocol, lease.items),
          more: lease.more,
          ...(lease.items.length ? { leaseExpiresAt: new Date(lease.leaseExpiresAt).toISOString() } : {}),
        };
      }
      case 'peek':
        return { items: inProtocol(request.protocol, await peekPending(at, request.max, ability)) };
      case 'report': {
        // Recorded first, so the reported item keeps its own message.
        const results = await recordResults(request.results, at);
        await noteReportedResults(request.results, at);
        return { results };
      }
      case 'status':
        return { ok: true };
    }
  } catch (error) {
    // The admin page shows why the relay stopped, though the relay itself only hears "update".
    if (error instanceof RelayTooOldError)
      await recordRelaySeen({ ...request.relay, lastError: error.message }, new Date(at));
    throw error;
  }
}
