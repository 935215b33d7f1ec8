import { kvs, WhereConditions } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { HEADERS, newNonce, PROTOCOL_VERSION, sign } from '../../../src/contract/relay-protocol';
import { dataOf, Envelope, invoke } from '../../support/local-host';

export const ADA = { accountId: 'u-ada' };

export interface Linked {
  url: string;
  secret: string;
}

/** Generates a link secret as Ada (a Confluence admin), as the admin page does. */
export async function link(host: LocalHost, payload: unknown = {}): Promise<Linked> {
  const data = dataOf(
    await invoke<Envelope<{ secret: string; webTriggerUrl: string }>>(
      host,
      'admin-page',
      'rotateRelaySecret',
      payload,
      ADA,
    ),
  );
  return { url: data.webTriggerUrl, secret: data.secret };
}

export interface ChangeRequest {
  spaceKeys: string[];
  subjects: { type: 'user' | 'group'; id: string }[];
  operations: { key: string; target: string }[];
  action: 'grant' | 'revoke';
}

export async function submit(
  host: LocalHost,
  change: ChangeRequest,
): Promise<{ jobId: string; items: number; changes: number }> {
  return dataOf(
    await invoke<Envelope<{ jobId: string; items: number; changes: number }>>(
      host,
      'admin-page',
      'submitPermissionChanges',
      change,
      ADA,
    ),
  );
}

export interface SignedOptions {
  secret?: string;
  timestamp?: number;
  nonce?: string;
  protocolHeader?: string;
  method?: string;
}

/** A relay request signed as the relay would sign it (or deliberately not). */
export async function signedPost(linked: Linked, body: string, options: SignedOptions = {}): Promise<Response> {
  const timestamp = String(options.timestamp ?? Date.now());
  const nonce = options.nonce ?? newNonce();
  return fetch(linked.url, {
    method: options.method ?? 'POST',
    headers: {
      'content-type': 'application/json',
      [HEADERS.protocol]: options.protocolHeader ?? String(PROTOCOL_VERSION),
      [HEADERS.timestamp]: timestamp,
      [HEADERS.nonce]: nonce,
      [HEADERS.signature]: sign(options.secret ?? linked.secret, timestamp, nonce, body),
    },
    body: options.method === 'GET' ? undefined : body,
  });
}

export const relayInfo = { version: 'test-1.0.0', instance: 'test-relay' };
export const message = (extra: Record<string, unknown>): string =>
  JSON.stringify({ protocol: PROTOCOL_VERSION, relay: relayInfo, ...extra });

async function entityAll(entity: string, index: string, partition?: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  let cursor: string | undefined;
  do {
    let q = kvs
      .entity(entity)
      .query()
      .index(index, partition ? { partition } : undefined)
      .limit(100);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    out.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Everything the relay protocol can change: jobs, items, relay status and (optionally) nonces. */
export async function relayState(withNonces = true): Promise<string> {
  const nonces: unknown[] = [];
  if (withNonces) {
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('relay:nonce:')).limit(100);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      nonces.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
  }
  return JSON.stringify({
    jobs: await entityAll('relayjob', 'createdAt'),
    items: (
      await Promise.all(
        ['pending', 'applied', 'already', 'failed'].map((state) => entityAll('relayitem', 'bystate', [state])),
      )
    ).flat(),
    status: (await kvs.get('relay:status')) ?? null,
    nonces,
  });
}
