import type { LocalHost } from '../../../local/host/create-host';
import { setRelayClock } from '../../../src/clock';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { logLines, startRelay } from './run-relay';
import { ADA, link, Linked, submit } from './support';

let host: LocalHost;
let linked: Linked;
const TOKEN = 'local-sam';

beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
});
afterEach(() => setRelayClock());
afterAll(() => host.close());

const env = () => ({
  CONFLUENCE_SITE_URL: host.url,
  CONFLUENCE_EMAIL: 'sam@example.com',
  CONFLUENCE_API_TOKEN: TOKEN,
  RELAY_TRIGGER_URL: linked.url,
  RELAY_LINK_SECRET: linked.secret,
});

type Job = {
  id: string;
  counts: Record<string, number>;
  items: {
    spaceKey: string;
    subject: { id: string };
    operation: { key: string; target: string };
    state: string;
    message?: string;
  }[];
};
const jobs = async () =>
  dataOf(await invoke<Envelope<{ jobs: Job[] }>>(host, 'admin-page', 'listPermissionJobs', {}, ADA)).jobs;
const holds = (spaceKey: string, subjectId: string, key: string, target: string) =>
  host.confluence.site
    .permissions(host.confluence.site.spaceByKey(spaceKey)!.id)
    .some((p) => p.subject.id === subjectId && p.operation.key === key && p.operation.target === target);

describe('the relay CLI against the local host', () => {
  it('--once applies a submitted job, reports each item, and the job list shows the outcome', async () => {
    const { jobId } = await submit(host, {
      spaceKeys: ['ENG', 'MKT'],
      subjects: [
        { type: 'user', id: 'u-nina' },
        { type: 'group', id: 'g-power' },
      ],
      operations: [{ key: 'export', target: 'space' }],
      action: 'grant',
    });
    const run = await startRelay(['--once'], env()).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Nina and power-users do not read ENG or MKT directly: Confluence refuses export before read/space.
    const job = (await jobs()).find((j) => j.id === jobId)!;
    expect(job.counts).toMatchObject({ failed: 4, queued: 0, 'in-progress': 0 });
    expect(job.items[0]!.message).toMatch(/Read space permission must be granted/);

    const second = await submit(host, {
      spaceKeys: ['ENG'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      operations: [
        { key: 'read', target: 'space' },
        { key: 'export', target: 'space' },
      ],
      action: 'grant',
    });
    const again = await startRelay(['--once'], env()).done;
    expect(again.code).toBe(0);
    expect(holds('ENG', 'u-nina', 'read', 'space') && holds('ENG', 'u-nina', 'export', 'space')).toBe(true);
    const done = (await jobs()).find((j) => j.id === second.jobId)!;
    expect(done.items.map((i) => `${i.operation.key} ${i.state}`)).toEqual(['read applied', 'export applied']);

    // Logs are JSON lines and never carry the token or the secret.
    const lines = logLines(again.stdout);
    expect(lines.filter((l) => l.msg === 'applied')).toHaveLength(2);
    expect(again.stdout).not.toContain(TOKEN);
    expect(again.stdout).not.toContain(linked.secret);
    expect(again.stdout).not.toContain(Buffer.from(`sam@example.com:${TOKEN}`).toString('base64'));

    // Revoke: the relay finds the permission id through the v2 API, then deletes it.
    await submit(host, {
      spaceKeys: ['ENG'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      operations: [{ key: 'export', target: 'space' }],
      action: 'revoke',
    });
    expect((await startRelay(['--once'], env()).done).code).toBe(0);
    expect(holds('ENG', 'u-nina', 'export', 'space')).toBe(false);
    expect(holds('ENG', 'u-nina', 'read', 'space')).toBe(true);
  });

  it('--dry-run shows what would change and leases nothing', async () => {
    const { jobId } = await submit(host, {
      spaceKeys: ['HR'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      operations: [{ key: 'read', target: 'space' }],
      action: 'grant',
    });
    const run = await startRelay(['--dry-run'], env()).done;
    expect(run.code).toBe(0);
    expect(logLines(run.stdout).find((l) => l.msg === 'would grant')).toMatchObject({
      space: 'HR',
      subject: 'user:u-nina',
      operation: 'read/space',
      dryRun: true,
    });
    expect((await jobs()).find((j) => j.id === jobId)!.counts).toMatchObject({ queued: 1 });
    expect(holds('HR', 'u-nina', 'read', 'space')).toBe(false);
    expect((await startRelay(['--once'], env()).done).code).toBe(0);
    expect(holds('HR', 'u-nina', 'read', 'space')).toBe(true);
  });

  it('killed mid-job and restarted: every item applied exactly once', async () => {
    const ops = [
      { key: 'read', target: 'space' },
      { key: 'create', target: 'page' },
      { key: 'create', target: 'blogpost' },
      { key: 'export', target: 'space' },
    ];
    const { jobId, changes } = await submit(host, {
      spaceKeys: ['MKT', 'HR', 'PG'],
      subjects: [
        { type: 'user', id: 'u-pat' },
        { type: 'group', id: 'g-probation' },
      ],
      operations: ops,
      action: 'grant',
    });
    expect(changes).toBe(24);
    const changesBefore = host.confluence.site.changes.length;
    // Slow Confluence writes down, two at a time, so the kill lands mid-job (mid-lease, as a rule).
    host.confluence.faults.add({ fault: { kind: 'delay', ms: 150 }, method: 'POST' });
    const first = startRelay(['--batch', '10', '--concurrency', '2', '--lease-seconds', '30'], env());
    const deadline = Date.now() + 20_000;
    while (host.confluence.site.changes.length - changesBefore < 7 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    host.confluence.faults.clear();
    const appliedByFirst = host.confluence.site.changes.length - changesBefore;
    expect(appliedByFirst).toBeLessThan(24);

    // The dead relay's lease runs out (the app's clock moves 31 s on), and a new relay finishes the job.
    setRelayClock(() => Date.now() + 31_000);
    const second = await startRelay(['--once'], env()).done;
    expect(second.code).toBe(0);

    const grants = host.confluence.site.changes.slice(changesBefore);
    const targets = grants.map(
      (c) => `${c.spaceId} ${c.permission.subject.id} ${c.permission.operation.key}/${c.permission.operation.target}`,
    );
    expect(grants.every((c) => c.kind === 'grant')).toBe(true);
    expect(targets).toHaveLength(24);
    expect(new Set(targets).size).toBe(24);
    const job = (await jobs()).find((j) => j.id === jobId)!;
    expect(job.counts.failed).toBe(0);
    expect(job.counts.applied + job.counts.already).toBe(24);
    // Only items the first relay applied but had not reported show as already in place: at most the lease
    // it was applying and the one whose report was in flight (--batch 10 each).
    expect(job.counts.already).toBeLessThanOrEqual(20);
  });

  it.each([
    ['a wrong API token', { CONFLUENCE_API_TOKEN: 'wrong' }, 3, /refused the API token for sam@example.com/],
    ['a rotated link secret', { RELAY_LINK_SECRET: 'A'.repeat(43) }, 4, /BAD_SIGNATURE.*copy the new secret/],
    ['no site URL', { CONFLUENCE_SITE_URL: '' }, 2, /site URL is missing/],
    ['an http site URL', { CONFLUENCE_SITE_URL: 'http://example.com' }, 2, /must use https/],
    ['a malformed link secret', { RELAY_LINK_SECRET: 'short' }, 2, /not in the shape/],
    ['no API token', { CONFLUENCE_API_TOKEN: '' }, 2, /API token is missing/],
  ])('stops with a message that says what to fix: %s', async (_name, override, exitCode, message) => {
    const run = await startRelay(['--once'], { ...env(), ...override }).done;
    expect(run.code).toBe(exitCode);
    expect(run.stderr).toMatch(message);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('stops on 403 from Confluence, marks the item failed and shows the error on the admin page', async () => {
    const { jobId } = await submit(host, {
      spaceKeys: ['ENG'],
      subjects: [{ type: 'user', id: 'u-jane' }],
      operations: [{ key: 'read', target: 'space' }],
      action: 'grant',
    });
    // Bob reads ENG but does not administer it.
    const run = await startRelay(['--once'], {
      ...env(),
      CONFLUENCE_EMAIL: 'bob@example.com',
      CONFLUENCE_API_TOKEN: 'local-bob',
    }).done;
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/403 for space ENG.*must have the Admin permission/);
    const job = (await jobs()).find((j) => j.id === jobId)!;
    expect(job.items[0]).toMatchObject({ state: 'failed', message: expect.stringMatching(/403/) });
    const setup = dataOf(
      await invoke<Envelope<{ relay: { lastError?: string } }>>(host, 'admin-page', 'getRelaySetup', {}, ADA),
    );
    expect(setup.relay.lastError).toMatch(/403 for space ENG/);
  });
});
