import type { LocalHost } from '../../../local/host/create-host';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, ConfigData, getConfig, global, replaceTable } from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());
afterEach(() => host.kvs.faults.clear());

/** Batch writes to live rule keys (not their staging): the copy that follows a commit. */
const LIVE_RULE_WRITES = /"key":"rules:(tbl|dx):/;

test('a save whose commit went through is answered as saved even when copying to the live keys is throttled', async () => {
  const start = await replaceTable(host, true, [global(ALL_SCRIPTS)]);
  host.kvs.faults.add({ path: '/api/v1/batch/set', body: LIVE_RULE_WRITES, times: 100 });
  const answer = await invoke<Envelope<ConfigData>>(
    host,
    'admin-page',
    'saveConfig',
    {
      expectedVersion: start.version,
      upsert: [{ type: 'user', id: 'u-bob', name: 'Bob', allowed: ['copy-space'] }],
    },
    ADMIN,
  );
  expect(host.kvs.faults.fired[0]).toBeGreaterThan(0);
  expect(answer.body).toMatchObject({ ok: true, data: { version: start.version + 1 } });
  host.kvs.faults.clear();

  // Readers see the committed save whole, and the admin's next save is not a conflict with their own.
  const read = await getConfig(host);
  expect(read.version).toBe(start.version + 1);
  expect(read.rows.map((r) => r.id)).toContain('u-bob');
  const next = await invoke<Envelope<ConfigData>>(
    host,
    'admin-page',
    'saveConfig',
    { expectedVersion: start.version + 1, remove: [{ type: 'user', id: 'u-bob' }] },
    ADMIN,
  );
  expect(next.body).toMatchObject({ ok: true, data: { version: start.version + 2 } });
});
