import { createConfluenceServer } from '../../../local/confluence';
import type { LocalHost } from '../../../local/host/create-host';
import { AppClient } from '../../../relay/src/app-client';
import { ConfluenceClient } from '../../../relay/src/confluence';
import { createLogger } from '../../../relay/src/log';
import { Relay } from '../../../relay/src/relay';
import { RetryPolicy } from '../../../relay/src/retry';
import { setRelayClock } from '../../../src/clock';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { ADA, link, Linked, submit } from './support';

// The relay in-process on a virtual clock: sleeping advances time (and the
// app's clock with it), so lease expiry and Retry-After cost no real waiting.
let host: LocalHost;
let linked: Linked;
let site: { url: string; close(): Promise<void> };
let virtualMs = 0;
const clock = () => Date.now() + virtualMs;

beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
  site = await createConfluenceServer(host.confluence); // real socket drops
  setRelayClock(clock);
});
afterAll(async () => {
  setRelayClock();
  await site.close();
  await host.close();
});

function relayWith(options: { lostAppAnswers: number; seed: number }) {
  const sleeps: number[] = [];
  const retries: { target: string; status: number; delayMs: number }[] = [];
  let state = options.seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const policy = (): RetryPolicy => ({
    maxAttempts: 8,
    baseDelayMs: 200,
    maxDelayMs: 5_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      virtualMs += ms;
    },
    random,
    now: clock,
    onRetry: (info) => retries.push({ target: info.target, status: info.status, delayMs: info.delayMs }),
  });
  let lost = 0;
  // The web trigger call is made, then its answer is lost on the way back.
  const lossyFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (random() < options.lostAppAnswers) {
      lost += 1;
      await response.text();
      throw new TypeError('fetch failed (answer lost)');
    }
    return response;
  };
  const app = new AppClient({
    url: linked.url,
    secret: linked.secret,
    relay: () => ({ version: 'test', instance: 'faulty' }),
    retry: policy(),
    now: clock,
    fetchImpl: lossyFetch,
  });
  const confluence = new ConfluenceClient({
    siteUrl: site.url,
    email: 'sam@example.com',
    apiToken: 'local-sam',
    retry: policy(),
  });
  const relay = new Relay({
    app,
    confluence,
    log: createLogger({ level: 'error', write: () => undefined }),
    batch: 5,
    concurrency: 4,
    leaseSeconds: 30,
    minPollMs: 1000,
    maxPollMs: 1000,
    sleep: async (ms) => {
      virtualMs += ms;
    },
    now: clock,
    setLastError: () => undefined,
  });
  return { relay, sleeps, retries, lost: () => lost };
}

/** The calls the relay makes (the admin page's own calls as the user are left alone). */
const RELAY_PATHS = /^\/wiki\/(rest\/api\/space\/|api\/v2\/spaces\/\d+\/permissions)/;

type Job = { id: string; counts: Record<string, number> };
const jobOf = async (id: string) =>
  dataOf(await invoke<Envelope<{ jobs: Job[] }>>(host, 'admin-page', 'listPermissionJobs', {}, ADA)).jobs.find(
    (j) => j.id === id,
  )!;

it('under 429/500/dropped connections and lost answers: nothing lost, nothing applied twice', async () => {
  const ops = [
    { key: 'read', target: 'space' },
    { key: 'create', target: 'page' },
    { key: 'create', target: 'comment' },
    { key: 'export', target: 'space' },
    { key: 'restrict_content', target: 'space' },
  ];
  const { jobId, changes } = await submit(host, {
    spaceKeys: ['MKT', 'HR', 'PG', 'ENG'],
    subjects: [
      { type: 'user', id: 'u-nina' },
      { type: 'group', id: 'g-power' },
    ],
    operations: ops,
    action: 'grant',
  });
  expect(changes).toBe(40);
  const before = host.confluence.site.changes.length;
  const faults = host.confluence.faults.seed(42);
  faults.add({
    fault: { kind: 'status', status: 429, retryAfter: '3' },
    caller: 'user',
    path: RELAY_PATHS,
    probability: 0.15,
  });
  faults.add({ fault: { kind: 'status', status: 500 }, caller: 'user', path: RELAY_PATHS, probability: 0.1 });
  faults.add({
    fault: { kind: 'drop', when: 'after' },
    caller: 'user',
    path: RELAY_PATHS,
    method: 'POST',
    probability: 0.15,
  });
  faults.add({ fault: { kind: 'drop', when: 'before' }, caller: 'user', path: RELAY_PATHS, probability: 0.05 });
  faults.add({ fault: { kind: 'delay', ms: 5 }, caller: 'user', path: RELAY_PATHS, probability: 0.2 });

  const { relay, sleeps, retries, lost } = relayWith({ lostAppAnswers: 0.15, seed: 7 });
  for (let round = 0; round < 20; round++) {
    const job = await jobOf(jobId);
    if (job.counts.queued + job.counts['in-progress'] === 0) break;
    await relay.run({ once: true });
    virtualMs += 31_000; // leases of lost answers run out
  }
  faults.clear();

  const job = await jobOf(jobId);
  expect(job.counts).toMatchObject({ queued: 0, 'in-progress': 0, failed: 0 });
  expect(job.counts.applied + job.counts.already).toBe(40);
  const grants = host.confluence.site.changes.slice(before);
  const targets = grants.map(
    (c) => `${c.spaceId} ${c.permission.subject.id} ${c.permission.operation.key}/${c.permission.operation.target}`,
  );
  expect(new Set(targets).size).toBe(40);
  expect(targets).toHaveLength(40);

  const injected = faults.injected.map((f) =>
    f.fault.kind === 'status'
      ? String(f.fault.status)
      : f.fault.kind === 'drop'
        ? `drop-${f.fault.when}`
        : f.fault.kind,
  );
  const count = (k: string) => injected.filter((i) => i === k).length;
  // The faults really happened, and Retry-After was honoured for every 429.
  expect(count('429')).toBeGreaterThan(0);
  expect(count('500')).toBeGreaterThan(0);
  expect(count('drop-after')).toBeGreaterThan(0);
  expect(lost()).toBeGreaterThan(0);
  expect(retries.filter((r) => r.status === 429).every((r) => r.delayMs === 3000)).toBe(true);
  expect(sleeps.every((ms) => ms <= 5_000)).toBe(true);
  console.log(
    `faults: ${count('429')}x429 ${count('500')}x500 ${count('drop-after')} drops after / ${count('drop-before')} before, ${lost()} lost app answers; ` +
      `${retries.length} retries; outcome ${job.counts.applied} applied + ${job.counts.already} already in place`,
  );
});
