import { kvs } from '@forge/kvs';
import type { RelayInfo } from '../../contract/relay-protocol';

/** What the admin page shows about the relay: when it was last seen, its version, its last error. */
export const RELAY_STATUS_KEY = 'relay:status';

export interface RelayStatus {
  lastSeenAt: string;
  version: string;
  instance: string;
  lastError?: string;
  lastErrorAt?: string;
}

export async function readRelayStatus(): Promise<RelayStatus | undefined> {
  return kvs.get<RelayStatus>(RELAY_STATUS_KEY);
}

/** Recorded on every authenticated request: a request without `lastError` means the relay is healthy again. */
export async function recordRelaySeen(relay: RelayInfo, at: Date): Promise<void> {
  const status: RelayStatus = { lastSeenAt: at.toISOString(), version: relay.version, instance: relay.instance };
  if (relay.lastError) {
    status.lastError = relay.lastError;
    status.lastErrorAt = at.toISOString();
  }
  await kvs.set(RELAY_STATUS_KEY, status);
}
