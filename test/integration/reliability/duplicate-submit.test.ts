import type { LocalHost } from '../../../local/host/create-host';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADA, ChangeRequest, link, message, signedPost, submit } from '../relay/support';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

const ninaReadsEng = (action: 'grant' | 'revoke'): ChangeRequest => ({
  spaceKeys: ['ENG'],
  subjects: [{ type: 'user', id: 'u-nina' }],
  operations: [{ key: 'read', target: 'space' }],
  action,
});

async function jobIds(): Promise<string[]> {
  const answer = await invoke<Envelope<{ jobs: { jobId?: string; id?: string }[] }>>(
    host,
    'admin-page',
    'listPermissionJobs',
    {},
    ADA,
  );
  if (!answer.body.ok) throw new Error(JSON.stringify(answer.body));
  return answer.body.data.jobs.map((j) => j.jobId ?? j.id ?? '');
}

test('a double-clicked submit queues one job, and both clicks are answered with it', async () => {
  const [first, second] = await Promise.all([submit(host, ninaReadsEng('grant')), submit(host, ninaReadsEng('grant'))]);
  expect(second.jobId).toBe(first.jobId);
  expect(await jobIds()).toEqual([first.jobId]);
});

test('the same change asked again after a different one is a new job, however quick', async () => {
  const before = await jobIds();
  const revoke = await submit(host, {
    ...ninaReadsEng('grant'),
    operations: [{ key: 'create', target: 'page' }],
  });
  const again = await submit(host, ninaReadsEng('grant'));
  expect(again.jobId).not.toBe(before[0]);
  expect(await jobIds()).toEqual([again.jobId, revoke.jobId, ...before]);
});

test('the same change submitted again once its job has finished is a new job (a retry of what failed)', async () => {
  const linked = await link(host);
  const change: ChangeRequest = { ...ninaReadsEng('grant'), operations: [{ key: 'export', target: 'space' }] };
  const first = await submit(host, change);
  // A relay takes every queued item and reports each failed.
  const leased = (await (await signedPost(linked, message({ type: 'lease', max: 25 }))).json()) as {
    items: { itemId: string; leaseToken: string }[];
  };
  const results = leased.items.map((i) => ({ itemId: i.itemId, leaseToken: i.leaseToken, outcome: 'failed' }));
  expect((await signedPost(linked, message({ type: 'report', results }))).status).toBe(200);

  const again = await submit(host, change);
  expect(again.jobId).not.toBe(first.jobId);
  expect((await jobIds())[0]).toBe(again.jobId);
});
