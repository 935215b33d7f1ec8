import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { logLines, startRelay } from '../relay/run-relay';
import { ADA, link, Linked, submit } from '../relay/support';

let host: LocalHost;
let linked: Linked;
beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
});
afterAll(() => host.close());

type Job = { id: string; counts: Record<string, number> };

test('a --once run under storage throttling waits it out and finishes every item it leased', async () => {
  const { jobId } = await submit(host, {
    spaceKeys: ['ENG'],
    subjects: [{ type: 'user', id: 'u-nina' }],
    operations: [{ key: 'read', target: 'space' }],
    action: 'grant',
  });
  // Forge storage is busy just when the relay reports: the app answers 503 with Retry-After.
  host.kvs.faults.add({ path: '/api/v1/transaction', body: /"state":"(applied|already|failed)"/, times: 2 });
  const run = await startRelay(['--once', '--max-attempts', '1'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: 'local-sam',
    RELAY_TRIGGER_URL: linked.url,
    RELAY_LINK_SECRET: linked.secret,
  }).done;
  const jobs = dataOf(await invoke<Envelope<{ jobs: Job[] }>>(host, 'admin-page', 'listPermissionJobs', {}, ADA)).jobs;
  expect(jobs.find((j) => j.id === jobId)!.counts).toMatchObject({ applied: 1, queued: 0, 'in-progress': 0 });
  expect(run.code).toBe(0);
  expect(host.kvs.faults.fired).toEqual([2]);
  expect(logLines(run.stdout).filter((l) => l.msg === 'the app is busy; reporting the result again')).toHaveLength(2);
});
