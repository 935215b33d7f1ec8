import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalHost } from '../../local/host/create-host';
import { SCRIPT_CATALOG } from '../../src/rules';
import { Figures } from './module';

interface Calls {
  total: number;
  kvs: number;
  product: number;
  sequentialDepth: number;
}

export interface CallFigure {
  /** The resolver function, as the JSON key. */
  key: string;
  what: string;
  calls: Calls;
  ms: number;
}

/**
 * A site where one space admin belongs to 200 groups, and a 10,000-row table
 * that has rows for those groups, that user, and that space among 9,800 others.
 */
function benchDirectory(): string {
  const demo = JSON.parse(readFileSync(join(__dirname, '..', '..', 'local', 'fixtures', 'demo.json'), 'utf8')) as {
    users: unknown[];
    groups: { id: string; name: string; members: string[] }[];
    spaces: { id: string; key: string; name: string; permissions: unknown[] }[];
  };
  demo.users.push({
    accountId: 'u-bench',
    displayName: 'Bench User',
    email: 'bench@example.com',
    apiToken: 'local-bench',
  });
  for (let i = 0; i < 200; i++)
    demo.groups.push({ id: `g-bench-${i}`, name: `bench group ${i}`, members: ['u-bench'] });
  demo.spaces.push({
    id: '9001',
    key: 'BENCH',
    name: 'Bench',
    permissions: [
      { subject: { type: 'user', id: 'u-bench' }, operation: { key: 'read', target: 'space' } },
      { subject: { type: 'user', id: 'u-bench' }, operation: { key: 'administer', target: 'space' } },
    ],
  });
  const file = join(mkdtempSync(join(tmpdir(), 'bench-')), 'directory.json');
  writeFileSync(file, JSON.stringify(demo));
  return file;
}

function benchExport(rows: number) {
  const scripts = SCRIPT_CATALOG.map((s) => s.key);
  const table = [];
  for (let i = 0; i < 200; i++)
    table.push({ type: 'group', id: `g-bench-${i}`, name: `bench group ${i}`, allowed: i % 2 ? ['copy-space'] : [] });
  table.push({ type: 'space', id: '9001', key: 'BENCH', name: 'Bench', allowed: scripts.slice(0, 3) });
  for (let i = table.length; i < rows - 1; i++) {
    const type = i % 3 === 0 ? 'group' : i % 3 === 1 ? 'space' : 'user';
    table.push({
      type,
      id: `${type}-${i}`,
      name: `${type} number ${i}`,
      allowed: scripts.filter((_, k) => (i + k) % 2 === 0),
      ...(type === 'space' ? { key: `K${i}` } : {}),
    });
  }
  return {
    format: 'space-admin-script-permissions',
    schemaVersion: 1,
    exportedAt: new Date().toISOString(),
    enabled: true,
    scripts,
    rows: [{ type: 'global', id: 'global', name: 'Global', allowed: scripts }, ...table],
  };
}

export async function benchPlatformCalls(rows = 10_000): Promise<CallFigure[]> {
  const host = await createLocalHost({ inMemory: true, port: 0, directoryFile: benchDirectory() });
  const figures: CallFigure[] = [];
  const call = async (what: string, module: string, functionKey: string, payload: unknown, context: object) => {
    const t0 = performance.now();
    const response = await fetch(`${host.url}/__local/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module, functionKey, payload, context }),
    });
    const body = (await response.json()) as { ok: boolean; error?: unknown; data?: { version?: number } };
    if (!body.ok) throw new Error(`${functionKey} failed: ${JSON.stringify(body.error)}`);
    figures.push({
      key: functionKey,
      what,
      calls: JSON.parse(response.headers.get('x-forge-platform-calls') ?? '{}') as Calls,
      ms: performance.now() - t0,
    });
    return body.data;
  };
  try {
    const admin = { accountId: 'u-ada' };
    await call(
      `importConfig of ${rows} rows`,
      'admin-page',
      'importConfig',
      { data: benchExport(rows), dryRun: false, expectedVersion: 0 },
      admin,
    );
    await call(
      `getMyScripts, user in 200 groups, ${rows}-row table`,
      'space-settings',
      'getMyScripts',
      {},
      { accountId: 'u-bench', spaceKey: 'BENCH' },
    );
    const config = (await call(`getConfig, ${rows}-row table (first page)`, 'admin-page', 'getConfig', {}, admin)) as {
      version: number;
    };
    await call(
      `saveConfig of one row, ${rows}-row table`,
      'admin-page',
      'saveConfig',
      {
        expectedVersion: config.version,
        upsert: [{ type: 'user', id: 'u-bench', name: 'Bench User', allowed: ['copy-space'] }],
      },
      admin,
    );
    await call(
      `explainAccess, user in 200 groups, ${rows}-row table`,
      'admin-page',
      'explainAccess',
      { accountId: 'u-bench', spaceKey: 'BENCH' },
      admin,
    );
  } finally {
    await host.close();
  }
  return figures;
}

/** The figures for the bench's table and JSON: per resolver call, its platform calls and local time. */
export async function platformCallFigures(rows = 10_000): Promise<Figures> {
  const figures: Figures = {};
  for (const f of await benchPlatformCalls(rows)) {
    const cell = (column: string) => ({ label: `${f.what}: ${column}`, cell: { row: f.what, column } });
    figures[`${f.key}.total`] = { ...cell('platform calls'), value: f.calls.total };
    figures[`${f.key}.kvs`] = { ...cell('KVS'), value: f.calls.kvs };
    figures[`${f.key}.product`] = { ...cell('product API'), value: f.calls.product };
    figures[`${f.key}.sequentialDepth`] = { ...cell('sequential round trips'), value: f.calls.sequentialDepth };
    figures[`${f.key}.localMs`] = { ...cell('local ms'), value: f.ms };
  }
  return figures;
}
