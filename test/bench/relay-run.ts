/**
 * One relay run as a customer makes it: the single-file relay (`npm run
 * build:relay`) with `node relay.mjs --once`, against the local host, with
 * latency added on both sides: every Confluence call waits 150 ms (the
 * emulator's delay fault) and every web trigger call 400 ms (a loopback
 * proxy in front of the host). Storage is counted on the KVS emulator itself,
 * for the web trigger invocations of the run only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createLocalHost, LocalHost } from '../../local/host/create-host';
import { buildRelay } from '../../relay/scripts/build';
import { startLatencyProxy } from './latency-proxy';

export const CONFLUENCE_DELAY_MS = 150;
export const TRIGGER_DELAY_MS = 400;

const BENCH_USERS = 50;
const BENCH_SPACES = ['ENG', 'MKT'];
const BENCH_OPERATIONS = [
  { key: 'read', target: 'space' },
  { key: 'create', target: 'page' },
  { key: 'create', target: 'blogpost' },
  { key: 'create', target: 'comment' },
  { key: 'export', target: 'space' },
];

export interface RelayRunFigures {
  changes: number;
  seconds: number;
  changesPerSecond: number;
  /** Storage calls of the run's web trigger invocations, as the local host counted them. */
  kvsCalls: number;
  /** Write units: one per key set or deleted; a transaction or batch counts each key it writes (checks are not writes). */
  kvsWrites: number;
  invocations: number;
  jobFinished: boolean;
}

/** The demo site plus 50 users to grant to. */
function benchDirectory(): string {
  const demo = JSON.parse(readFileSync(join(__dirname, '..', '..', 'local', 'fixtures', 'demo.json'), 'utf8')) as {
    users: unknown[];
  };
  for (let i = 0; i < BENCH_USERS; i++)
    demo.users.push({
      accountId: `u-relay-${i}`,
      displayName: `Relay Bench ${i}`,
      email: `relay${i}@example.com`,
      apiToken: `local-relay-${i}`,
    });
  const file = join(mkdtempSync(join(tmpdir(), 'bench-relay-')), 'directory.json');
  writeFileSync(file, JSON.stringify(demo));
  return file;
}

async function invoke<T>(host: LocalHost, module: string, functionKey: string, payload: unknown): Promise<T> {
  const { value } = await host.invoke({ module, functionKey, payload, context: { accountId: 'u-ada' } });
  const envelope = value as { ok: boolean; data?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** Counts every KVS call and the keys it writes, from now on. */
function countStorage(host: LocalHost): { calls: () => number; writes: () => number; stop: () => void } {
  const kvs = host.kvs;
  const original = kvs.handle.bind(kvs);
  let calls = 0;
  let writes = 0;
  kvs.handle = (path: string, bodyText: string) => {
    calls += 1;
    writes += writtenKeys(path.split('?')[0] ?? path, bodyText);
    return original(path, bodyText);
  };
  return { calls: () => calls, writes: () => writes, stop: () => void (kvs.handle = original) };
}

function writtenKeys(path: string, bodyText: string): number {
  if (/\/(set|delete)$/.test(path) && !path.includes('/batch/')) return 1;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return 0;
  }
  if (path.startsWith('/api/v1/batch/set') || path.startsWith('/api/v1/batch/delete'))
    return Array.isArray(body) ? body.length : 0;
  if (path === '/api/v1/transaction' && body && typeof body === 'object') {
    const tx = body as { set?: unknown[]; delete?: unknown[] };
    return (tx.set?.length ?? 0) + (tx.delete?.length ?? 0);
  }
  return 0;
}

export async function benchRelayRun(concurrency?: number): Promise<RelayRunFigures> {
  const built = await buildRelay(join(mkdtempSync(join(tmpdir(), 'bench-relay-bundle-')), 'relay.mjs'));
  const host = await createLocalHost({ inMemory: true, port: 0, directoryFile: benchDirectory() });
  const linked = await invoke<{ secret: string; webTriggerUrl: string }>(host, 'admin-page', 'rotateRelaySecret', {});
  const proxy = await startLatencyProxy(host.url, TRIGGER_DELAY_MS);
  try {
    const { jobId, changes } = await invoke<{ jobId: string; changes: number }>(
      host,
      'admin-page',
      'submitPermissionChanges',
      {
        spaceKeys: BENCH_SPACES,
        subjects: Array.from({ length: BENCH_USERS }, (_, i) => ({ type: 'user', id: `u-relay-${i}` })),
        operations: BENCH_OPERATIONS,
        action: 'grant',
      },
    );
    host.confluence.faults.add({ fault: { kind: 'delay', ms: CONFLUENCE_DELAY_MS } });
    const before = new Set(host.recentInvocations().map((r) => r.id));
    const storage = countStorage(host);
    const trigger = new URL(linked.webTriggerUrl);
    const t0 = performance.now();
    const run = await promisify(execFile)(
      process.execPath,
      ['relay.mjs', '--once', '--log-level', 'warn', ...(concurrency ? ['--concurrency', String(concurrency)] : [])],
      {
        cwd: join(built.outfile, '..'),
        env: {
          PATH: process.env.PATH ?? '',
          CONFLUENCE_SITE_URL: host.url,
          CONFLUENCE_EMAIL: 'sam@example.com',
          CONFLUENCE_API_TOKEN: 'local-sam',
          RELAY_TRIGGER_URL: `${proxy.origin}${trigger.pathname}${trigger.search}`,
          RELAY_LINK_SECRET: linked.secret,
        },
        timeout: 600_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    storage.stop();
    host.confluence.faults.clear();
    if (run.stderr.trim()) throw new Error(`the relay wrote to stderr: ${run.stderr.slice(0, 500)}`);
    const invocations = host.recentInvocations().filter((r) => r.kind === 'webtrigger' && !before.has(r.id));
    const fromHost = invocations.reduce((sum, r) => sum + r.calls.byKind.kvs, 0);
    // The two counts must agree: only the relay's web trigger calls touched storage during the run.
    if (fromHost !== storage.calls())
      throw new Error(`KVS calls: the host counted ${fromHost}, the emulator ${storage.calls()}`);
    const { jobs } = await invoke<{ jobs: { id: string; counts: Record<string, number> }[] }>(
      host,
      'admin-page',
      'listPermissionJobs',
      {},
    );
    const counts = jobs.find((j) => j.id === jobId)?.counts ?? {};
    return {
      changes,
      seconds,
      changesPerSecond: changes / seconds,
      kvsCalls: fromHost,
      kvsWrites: storage.writes(),
      invocations: invocations.length,
      jobFinished: (counts.applied ?? 0) === changes && !counts.queued && !counts['in-progress'],
    };
  } finally {
    await proxy.close();
    await host.close();
  }
}

if (require.main === module) {
  const levels = process.argv.slice(2).map(Number);
  (async () => {
    for (const c of levels.length ? levels : [undefined]) {
      const f = await benchRelayRun(c);
      console.log(JSON.stringify({ concurrency: c ?? 'default', ...f }));
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
