import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import {
  ADMIN,
  ALL_SCRIPTS,
  allowedKeys,
  ConfigData,
  explain,
  getConfig,
  global,
  replaceTable,
} from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

interface AuditPage {
  entries: {
    version: number;
    by: { accountId: string; displayName?: string };
    source: string;
    changes: { kind: string }[];
  }[];
  nextCursor?: string;
}
const auditPage = async (cursor?: string) =>
  dataOf(await invoke<Envelope<AuditPage>>(host, 'admin-page', 'getAuditLog', cursor ? { cursor } : {}, ADMIN));

test('the audit log pages 20 entries at a time, newest first, with who made each save', async () => {
  host.kvs.reset();
  for (let i = 0; i < 23; i++) await replaceTable(host, i % 2 === 0, [global(ALL_SCRIPTS)]);
  const first = await auditPage();
  expect(first.entries.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => 23 - i));
  expect(first.entries[0]!.by).toEqual({ accountId: 'u-ada', displayName: 'Ada Lovelace' });
  expect(first.nextCursor).toBeDefined();
  const second = await auditPage(first.nextCursor);
  expect(second.entries.map((e) => e.version)).toEqual([3, 2, 1]);
  expect(second.nextCursor).toBeUndefined();
});

test('getConfig pages a 6,000-row table in 5,000-row pages, and refuses a cursor from an older version', async () => {
  host.kvs.reset();
  const rows = Array.from({ length: 5_999 }, (_, i) => ({
    type: 'user' as const,
    id: `u-${i}`,
    name: `User ${String(i).padStart(4, '0')}`,
    allowed: ['copy-space'],
  }));
  const file = {
    format: 'space-admin-script-permissions',
    schemaVersion: 1,
    exportedAt: new Date().toISOString(),
    enabled: true,
    scripts: ALL_SCRIPTS,
    rows: [global(ALL_SCRIPTS), ...rows],
  };
  dataOf(await invoke(host, 'admin-page', 'importConfig', { data: file, dryRun: false, expectedVersion: 0 }, ADMIN));
  const first = await getConfig(host);
  expect(first.rows).toHaveLength(5_000);
  expect(first.totalRows).toBe(6_000);
  const second = dataOf(
    await invoke<Envelope<ConfigData>>(host, 'admin-page', 'getConfig', { cursor: first.nextCursor }, ADMIN),
  );
  expect(second.rows).toHaveLength(1_000);
  expect(second.nextCursor).toBeUndefined();
  expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6_000);

  await replaceTable(host, false, [global(ALL_SCRIPTS), ...rows]);
  const stale = await invoke<Envelope<ConfigData>>(
    host,
    'admin-page',
    'getConfig',
    { cursor: first.nextCursor },
    ADMIN,
  );
  expect(stale.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

test('export then import changes nothing; the dry run says so and writes nothing', async () => {
  host.kvs.reset();
  await replaceTable(host, true, [
    global(['copy-space']),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  const exported = dataOf(
    await invoke<Envelope<{ version: number; file: unknown }>>(host, 'admin-page', 'exportConfig', {}, ADMIN),
  );
  const dry = dataOf(
    await invoke<Envelope<{ changes: unknown[] }>>(
      host,
      'admin-page',
      'importConfig',
      { data: exported.file, dryRun: true, expectedVersion: exported.version },
      ADMIN,
    ),
  );
  expect(dry.changes).toEqual([]);
  expect((await getConfig(host)).version).toBe(exported.version);
});

test('a version-0 deny list imports with a preview first, then gives the same answers', async () => {
  host.kvs.reset();
  const v0 = {
    restrictedUsers: [{ accountId: 'u-bob', displayName: 'Bob Smith' }],
    restrictedGroups: [{ id: 'g-probation', name: 'probation' }],
    restrictedSpaces: [{ id: '1002', key: 'HR', name: 'Human Resources' }],
    disableInAllSpaces: false,
  };
  const dry = dataOf(
    await invoke<Envelope<{ changes: { kind: string }[] }>>(
      host,
      'admin-page',
      'importConfig',
      { data: v0, dryRun: true, expectedVersion: 0 },
      ADMIN,
    ),
  );
  expect(dry.changes.map((c) => c.kind).sort()).toEqual(['row-added', 'row-added', 'row-added', 'toggle']);
  expect((await getConfig(host)).version).toBe(0);

  dataOf(await invoke(host, 'admin-page', 'importConfig', { data: v0, dryRun: false, expectedVersion: 0 }, ADMIN));
  expect(allowedKeys(await explain(host, 'u-bob', 'MKT'))).toEqual([]);
  expect(allowedKeys(await explain(host, 'u-pat', 'MKT'))).toEqual([]);
  expect(allowedKeys(await explain(host, 'u-jane', 'HR'))).toEqual([]);
  expect(allowedKeys(await explain(host, 'u-jane', 'MKT'))).toEqual(ALL_SCRIPTS);
  const audit = await auditPage();
  expect(audit.entries[0]).toMatchObject({ version: 1, source: 'import' });
});

test('a stored version-0 config of an older app version is read, migrated, and replaced by the first save', async () => {
  host.kvs.reset();
  const { kvs } = await import('@forge/kvs');
  await kvs.set('space-admin-script-permissions', {
    restrictedUsers: [],
    restrictedGroups: [],
    restrictedSpaces: [],
    disableInAllSpaces: true,
  });
  expect(allowedKeys(await explain(host, 'u-jane', 'MKT'))).toEqual([]);
  const config = await getConfig(host);
  expect(config).toMatchObject({ version: 0, enabled: true });
  await replaceTable(host, config.enabled, config.rows);
  expect((await getConfig(host)).version).toBe(1);
  expect(allowedKeys(await explain(host, 'u-jane', 'MKT'))).toEqual([]);
});
