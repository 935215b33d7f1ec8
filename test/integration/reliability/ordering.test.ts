import type { LocalHost } from '../../../local/host/create-host';
import { ConfluenceClient } from '../../../relay/src/confluence';
import { setRelayClock } from '../../../src/clock';
import type { WorkItem } from '../../../src/contract/relay-protocol';
import { startHost } from '../../support/local-host';
import { link, Linked, message, signedPost, submit } from '../relay/support';

let host: LocalHost;
let linked: Linked;
let confluence: ConfluenceClient;
let clock = Date.now();

beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
  setRelayClock(() => clock);
  // The relay's own Confluence client, with Sam's API token (he administers every space), as the relay applies changes.
  confluence = new ConfluenceClient({
    siteUrl: host.url,
    email: 'sam@example.com',
    apiToken: 'local-sam',
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, sleep: async () => {}, random: () => 0, now: Date.now },
  });
});
afterAll(async () => {
  setRelayClock();
  await host.close();
});

type PermissionItem = Extract<WorkItem, { kind: 'permission' }> & { leaseToken: string };
type Lease = { items: PermissionItem[] };
type Report = { results: { itemId: string; status: string; state?: string }[] };

async function call<T>(body: Record<string, unknown>): Promise<T> {
  const response = await signedPost(linked, message(body));
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
const lease = () => call<Lease>({ type: 'lease', max: 5, leaseSeconds: 30 });
const report = (item: PermissionItem, outcome: string, leaseToken = item.leaseToken) =>
  call<Report>({ type: 'report', results: [{ itemId: item.itemId, leaseToken, outcome }] });

const ninaReadsEng = (action: 'grant' | 'revoke') => ({
  spaceKeys: ['ENG'],
  subjects: [{ type: 'user' as const, id: 'u-nina' }],
  operations: [{ key: 'read', target: 'space' }],
  action,
});

test("a grant whose report was lost never overtakes the newer revoke, and the expired lessee's late report is refused", async () => {
  const grantJob = await submit(host, ninaReadsEng('grant'));
  const [grant] = (await lease()).items;
  expect(grant).toMatchObject({ jobId: grantJob.jobId, action: 'grant' });
  // The relay applies the grant in Confluence, then dies before its report arrives.
  expect(await confluence.apply(grant!)).toEqual({ outcome: 'applied' });

  // A moment later the admin revokes the same permission.
  clock += 1_000;
  const revokeJob = await submit(host, ninaReadsEng('revoke'));
  expect(revokeJob.changes).toBe(1);
  // The revoke waits: the older grant on the same target is unfinished.
  expect((await lease()).items).toEqual([]);

  // The grant's lease runs out; it is handed out again, before the revoke.
  clock += 31_000;
  const again = (await lease()).items;
  expect(again.map((i) => [i.jobId, i.action, i.attempt])).toEqual([[grantJob.jobId, 'grant', 2]]);
  // The first relay's late report is refused and says why.
  expect((await report(grant!, 'failed')).results).toEqual([
    { itemId: grant!.itemId, status: 'expired', state: 'pending' },
  ]);
  expect(await confluence.apply(again[0]!)).toMatchObject({ outcome: 'already' });
  expect((await report(again[0]!, 'already')).results[0]).toMatchObject({ status: 'recorded', state: 'already' });

  // Only now the revoke goes out, and it is the last change Confluence sees.
  const [revoke] = (await lease()).items;
  expect(revoke).toMatchObject({ jobId: revokeJob.jobId, action: 'revoke' });
  expect(await confluence.apply(revoke!)).toEqual({ outcome: 'applied' });
  expect((await report(revoke!, 'applied')).results[0]).toMatchObject({ status: 'recorded', state: 'applied' });
  clock += 31_000;
  expect((await lease()).items).toEqual([]);
  expect(await confluence.findAssignment(revoke!)).toBeUndefined();
});

test('a report after its own lease ran out is refused, even when no one holds the item yet', async () => {
  await submit(host, ninaReadsEng('grant'));
  const [item] = (await lease()).items;
  clock += 31_000;
  expect((await report(item!, 'applied')).results).toEqual([
    { itemId: item!.itemId, status: 'expired', state: 'pending' },
  ]);
  const [again] = (await lease()).items;
  expect(again).toMatchObject({ itemId: item!.itemId, attempt: 2 });
  expect((await report(again!, 'applied')).results[0]).toMatchObject({ status: 'recorded', state: 'applied' });
});

test('a revoke submitted while the grant it undoes is still queued is queued behind it, not stored as "already so"', async () => {
  const powerReadsEng = (action: 'grant' | 'revoke') => ({
    spaceKeys: ['ENG'],
    subjects: [{ type: 'group' as const, id: 'g-power' }],
    operations: [{ key: 'read', target: 'space' }],
    action,
  });
  clock += 1_000;
  const grantJob = await submit(host, powerReadsEng('grant'));
  clock += 1_000;
  // Confluence does not have the grant yet, but the revoke must still undo it.
  const revokeJob = await submit(host, powerReadsEng('revoke'));
  expect(revokeJob).toMatchObject({ changes: 1 });

  const [grant, ...rest] = (await lease()).items;
  expect(rest).toEqual([]);
  expect(grant).toMatchObject({ jobId: grantJob.jobId, action: 'grant' });
  expect(await confluence.apply(grant!)).toEqual({ outcome: 'applied' });
  expect((await report(grant!, 'applied')).results[0]).toMatchObject({ status: 'recorded' });

  const [revoke] = (await lease()).items;
  expect(revoke).toMatchObject({ jobId: revokeJob.jobId, action: 'revoke' });
  expect(await confluence.apply(revoke!)).toEqual({ outcome: 'applied' });
  expect((await report(revoke!, 'applied')).results[0]).toMatchObject({ status: 'recorded' });
  expect(await confluence.findAssignment(revoke!)).toBeUndefined();
});
