import type { LocalHost } from '../../../local/host/create-host';
import { AppClient } from '../../../relay/src/app-client';
import { ConfluenceClient } from '../../../relay/src/confluence';
import { createLogger } from '../../../relay/src/log';
import { Relay } from '../../../relay/src/relay';
import { RetryPolicy } from '../../../relay/src/retry';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { logLines, startRelay } from './run-relay';
import { ADA, ChangeRequest, link, Linked, submit } from './support';

// The relay in-process against the local host, watching what it sends: how
// many Confluence calls are in flight at once, and how many results each
// report carries.
let host: LocalHost;
let linked: Linked;
beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
});
afterAll(() => host.close());
afterEach(() => host.confluence.faults.clear());

type Job = { id: string; counts: Record<string, number> };
const jobOf = async (id: string) =>
  dataOf(await invoke<Envelope<{ jobs: Job[] }>>(host, 'admin-page', 'listPermissionJobs', {}, ADA)).jobs.find(
    (j) => j.id === id,
  )!;

const policy = (): RetryPolicy => ({
  maxAttempts: 5,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: async () => undefined,
  random: () => 0.5,
  now: Date.now,
});

/** The operation a Confluence write changes: from a grant's body, or from the site for a revoke's assignment id. */
function operationOf(url: string, init: RequestInit | undefined): string | undefined {
  if (init?.method === 'POST') {
    const body = JSON.parse(String(init.body)) as { operation?: { key: string; target: string } };
    return body.operation ? `${body.operation.key}/${body.operation.target}` : undefined;
  }
  const deleted = /\/wiki\/rest\/api\/space\/([^/]+)\/permission\/([^/?]+)/.exec(url);
  if (init?.method !== 'DELETE' || !deleted) return undefined;
  const space = host.confluence.site.spaceByKey(decodeURIComponent(deleted[1]!))!;
  const held = host.confluence.site.permissions(space.id).find((p) => String(p.id) === deleted[2]);
  return held && `${held.operation.key}/${held.operation.target}`;
}

/**
 * `slow`: the writes that get 30 ms of extra network time on the way to
 * Confluence, so a relay that does not wait for them would let later ones
 * overtake them (and the order checks below would see it).
 */
function watchedRelay(concurrency: number, slow: (operation: string) => boolean = () => false) {
  let inFlight = 0;
  let maxInFlight = 0;
  const leased: number[] = [];
  const reported: number[] = [];
  const confluenceFetch: typeof fetch = async (input, init) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const operation = operationOf(String(input), init);
      if (operation && slow(operation)) await new Promise((r) => setTimeout(r, 30));
      return await fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const appFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as { type: string; results?: unknown[] };
    const response = await fetch(input, init);
    const copy = response.clone();
    if (body.type === 'report') reported.push(body.results?.length ?? 0);
    if (body.type === 'lease' && copy.status === 200) {
      const items = ((await copy.json()) as { items: unknown[] }).items.length;
      if (items) leased.push(items);
    }
    return response;
  };
  const relay = new Relay({
    app: new AppClient({
      url: linked.url,
      secret: linked.secret,
      relay: () => ({ version: 'test', instance: 'concurrent' }),
      retry: policy(),
      fetchImpl: appFetch,
    }),
    confluence: new ConfluenceClient({
      siteUrl: host.url,
      email: 'sam@example.com',
      apiToken: 'local-sam',
      retry: policy(),
      fetchImpl: confluenceFetch,
    }),
    log: createLogger({ level: 'error', write: () => undefined }),
    batch: 25,
    concurrency,
    leaseSeconds: 120,
    minPollMs: 1,
    maxPollMs: 1,
    sleep: async () => undefined,
    now: Date.now,
    setLastError: () => undefined,
  });
  return { relay, maxInFlight: () => maxInFlight, leased, reported };
}

const change = (action: 'grant' | 'revoke'): ChangeRequest => ({
  spaceKeys: ['MKT', 'HR', 'PG', 'ENG'],
  subjects: [
    { type: 'user', id: 'u-nina' },
    { type: 'group', id: 'g-power' },
  ],
  operations: [
    { key: 'read', target: 'space' },
    { key: 'create', target: 'page' },
    { key: 'create', target: 'comment' },
    { key: 'export', target: 'space' },
    { key: 'restrict_content', target: 'space' },
  ],
  action,
});

/** Per space and subject, the operations in the order Confluence saw them change. */
function orderSeen(from: number, kind: 'grant' | 'revoke'): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (const c of host.confluence.site.changes.slice(from)) {
    if (c.kind !== kind) continue;
    const lane = `${c.spaceId} ${c.permission.subject.id}`;
    seen.set(lane, [...(seen.get(lane) ?? []), `${c.permission.operation.key}/${c.permission.operation.target}`]);
  }
  return seen;
}

it('grants with at most --concurrency calls in flight, read/space first, one report per lease', async () => {
  const { jobId, changes } = await submit(host, change('grant'));
  expect(changes).toBe(40);
  const before = host.confluence.site.changes.length;
  const watched = watchedRelay(4, (op) => op === 'read/space');
  const summary = await watched.relay.run({ once: true });

  expect(summary).toMatchObject({ applied: 40, failed: 0, deferred: 0 });
  expect((await jobOf(jobId)).counts).toMatchObject({ applied: 40, queued: 0, 'in-progress': 0 });
  // Eight lanes (4 spaces x 2 subjects) start together: the gate lets exactly four go.
  expect(watched.maxInFlight()).toBe(4);
  // Each lease's results travel in one report.
  expect(watched.reported).toEqual(watched.leased);
  expect(watched.reported.reduce((a, b) => a + b, 0)).toBe(40);
  const seen = orderSeen(before, 'grant');
  expect(seen.size).toBe(8);
  for (const ops of seen.values()) {
    expect(ops).toHaveLength(5);
    expect(ops[0]).toBe('read/space');
  }
});

it('revokes read/space last in each space, after the subject’s other permissions there', async () => {
  const { jobId, changes } = await submit(host, change('revoke'));
  expect(changes).toBe(40);
  const before = host.confluence.site.changes.length;
  const watched = watchedRelay(8, (op) => op !== 'read/space');
  await watched.relay.run({ once: true });
  expect((await jobOf(jobId)).counts).toMatchObject({ applied: 40, queued: 0, 'in-progress': 0 });
  expect(watched.reported).toEqual(watched.leased);
  const seen = orderSeen(before, 'revoke');
  expect(seen.size).toBe(8);
  for (const ops of seen.values()) expect(ops[ops.length - 1]).toBe('read/space');
});

it('the CLI halves its concurrency on a 429 from Confluence, waits the Retry-After, and finishes the job', async () => {
  const { jobId } = await submit(host, {
    spaceKeys: ['MKT', 'HR'],
    subjects: [{ type: 'user', id: 'u-pat' }],
    operations: [
      { key: 'read', target: 'space' },
      { key: 'export', target: 'space' },
    ],
    action: 'grant',
  });
  host.confluence.faults.add({
    fault: { kind: 'status', status: 429, retryAfter: '1' },
    caller: 'user',
    method: 'POST',
    path: '/wiki/rest/api/space/',
    times: 1,
  });
  const run = await startRelay(['--once', '--concurrency', '8'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: 'local-sam',
    RELAY_TRIGGER_URL: linked.url,
    RELAY_LINK_SECRET: linked.secret,
  }).done;
  expect(run.code).toBe(0);
  const throttled = logLines(run.stdout).filter((l) => l.msg === 'Confluence is throttling; fewer changes at once');
  expect(throttled).toEqual([expect.objectContaining({ concurrency: 4, retryAfterMs: 1000 })]);
  expect((await jobOf(jobId)).counts).toMatchObject({ applied: 4, queued: 0, 'in-progress': 0 });
});
