import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, getConfig, global, myScripts, allowedKeys, replaceTable } from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

interface AuditData {
  entries: { version: number }[];
}

test("20 concurrent saves at one version: exactly one wins, the rest get CONFLICT, the table is the winner's, one audit entry", async () => {
  const start = await replaceTable(host, true, [global(ALL_SCRIPTS)]);
  const auditBefore = (await invoke<Envelope<AuditData>>(host, 'admin-page', 'getAuditLog', {}, ADMIN)).body;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      invoke<Envelope<{ rows: { id: string }[] }>>(
        host,
        'admin-page',
        'saveConfig',
        {
          expectedVersion: start.version,
          upsert: [{ type: 'user', id: `u-writer-${i}`, name: `Writer ${i}`, allowed: ['copy-space'] }],
        },
        ADMIN,
      ),
    ),
  );
  const winners = answers.filter((a) => a.body.ok);
  const losers = answers.filter((a) => !a.body.ok);
  expect(winners).toHaveLength(1);
  expect(losers.map((a) => (a.body.ok ? '' : a.body.error.code))).toEqual(Array(19).fill('CONFLICT'));

  const winner = winners[0]!.body as { ok: true; data: { rows: { id: string }[] } };
  const writerIds = winner.data.rows.filter((r) => r.id.startsWith('u-writer-')).map((r) => r.id);
  expect(writerIds).toHaveLength(1);
  const stored = await getConfig(host);
  expect(stored.version).toBe(start.version + 1);
  expect(stored.rows.filter((r) => r.id.startsWith('u-writer-')).map((r) => r.id)).toEqual(writerIds);

  const auditAfter = (await invoke<Envelope<AuditData>>(host, 'admin-page', 'getAuditLog', {}, ADMIN)).body;
  if (!auditAfter.ok || !auditBefore.ok) throw new Error('audit log unreadable');
  expect(auditAfter.data.entries.length - auditBefore.data.entries.length).toBe(1);
  expect(auditAfter.data.entries[0]!.version).toBe(start.version + 1);
});

test('a save that committed but died before rolling forward is still seen whole, and finished by the next save', async () => {
  await replaceTable(host, true, [global(ALL_SCRIPTS)]);
  const saved = await replaceTable(host, true, [
    global([]),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space'] },
  ]);

  // Put the live keys back as they were before that save and re-stage its values,
  // as if the saving function had died right after its commit.
  const meta = await kvs
    .entity<{ version: number; state: { lastCommit: { version: number; writer: string; keys: string[] } } }>(
      'rulesmeta',
    )
    .get('rules');
  const commit = meta!.state.lastCommit;
  expect(commit.version).toBe(saved.version);
  for (const key of commit.keys) {
    const value = await kvs.get(key);
    await kvs.set(`rules:stage:${commit.version}:${commit.writer}:${key}`, value);
    await kvs.set(key, { v: commit.version - 1, ...(key.includes(':tbl:') ? { rows: [] } : { m: {} }) });
  }

  expect(allowedKeys(await myScripts(host, 'u-priya', 'MKT'))).toEqual(['copy-space']);
  expect(allowedKeys(await myScripts(host, 'u-bob', 'MKT'))).toEqual([]);
  const config = await getConfig(host);
  expect(config.rows.map((r) => r.id)).toEqual(['global', 'g-power']);

  const next = await replaceTable(host, true, [
    global([]),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ['copy-space', 'bulk-labels'] },
  ]);
  expect(next.version).toBe(saved.version + 1);
  for (const key of commit.keys) {
    const live = (await kvs.get<{ v: number }>(key))!;
    expect(live.v).toBeGreaterThanOrEqual(commit.version);
  }
  expect(allowedKeys(await myScripts(host, 'u-priya', 'MKT'))).toEqual(['copy-space', 'bulk-labels']);
});
