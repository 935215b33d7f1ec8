import { kvs } from '@forge/kvs';
import { newLinkSecret, secretFingerprint } from '../../contract/relay-protocol';

/**
 * The link secret the relay signs with. Kept as a KVS secret (encrypted at
 * rest, never in query results); the admin page sees it once, when it is
 * generated, and afterwards only its fingerprint.
 */
export const LINK_SECRET_KEY = 'relay-link-secret';

export interface StoredLink {
  secret: string;
  createdAt: string;
  createdBy: string;
}

export interface LinkInfo {
  linked: boolean;
  fingerprint?: string;
  createdAt?: string;
  createdBy?: string;
}

export async function readLinkSecret(): Promise<StoredLink | undefined> {
  const stored = await kvs.getSecret<StoredLink>(LINK_SECRET_KEY);
  return stored && typeof stored.secret === 'string' ? stored : undefined;
}

export async function linkInfo(): Promise<LinkInfo> {
  const stored = await readLinkSecret();
  if (!stored) return { linked: false };
  return {
    linked: true,
    fingerprint: secretFingerprint(stored.secret),
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}

/** A new secret replaces the old at once: a relay holding the old one is refused from now on. */
export async function rotateLinkSecret(accountId: string, at: Date): Promise<StoredLink> {
  const link: StoredLink = { secret: newLinkSecret(), createdAt: at.toISOString(), createdBy: accountId };
  await kvs.setSecret(LINK_SECRET_KEY, link);
  return link;
}
