// The relay on a roles site: a queued individual change stops it with the
// message that says what to fix; "grant only what you hold" stops it saying
// to run it as a Confluence admin; a relay still on protocol 1 is told to
// update when role changes wait.
import type { LocalHost } from '../../../local/host/create-host';
import { setRelayClock } from '../../../src/clock';
import { dataOf, startHost } from '../../support/local-host';
import { startRelay } from '../relay/run-relay';
import { link, Linked, relayInfo, signedPost } from '../relay/support';
import { ADA_LOGIN, admin, fixture, jobs, relayEnv } from './support';

let host: LocalHost;
let linked: Linked;
beforeEach(async () => {
  host = await startHost({ directoryFile: fixture('demo-transition') });
  linked = await link(host);
});
afterEach(async () => {
  setRelayClock();
  await host.close();
});

const setup = async () =>
  dataOf(await admin<{ roleMode: string; relay: { lastError?: string } | null }>(host, 'getRelaySetup', {}));

it('a v1 item on a site that went roles-only: the relay stops saying to use roles; the app re-reads the mode and fails the other individual changes', async () => {
  const grant = (spaceKey: string) =>
    admin<{ jobId: string }>(host, 'submitPermissionChanges', {
      spaceKeys: [spaceKey],
      subjects: [{ type: 'user', id: 'u-nina' }],
      operations: [{ key: 'export', target: 'space' }],
      action: 'grant',
    });
  const first = dataOf(await grant('MKT')).jobId;
  const second = dataOf(await grant('HR')).jobId;
  const viewer = dataOf(await admin<{ roles: { id: string; name: string }[] }>(host, 'getRelaySetup', {})).roles.find(
    (r) => r.name === 'Viewer',
  )!;
  dataOf(
    await admin(host, 'submitPermissionChanges', {
      spaceKeys: ['PG'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      roleId: viewer.id,
    }),
  );
  expect((await setup()).roleMode).toBe('ROLES_TRANSITION');
  // The site finishes its migration after the jobs were queued (the app still has the old mode cached).
  host.confluence.site.directory.roleMode = 'ROLES';

  const run = await startRelay(['--once'], relayEnv(host, linked, ADA_LOGIN)).done;
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/uses space roles only \(InvalidRbacOperationException\)/);
  expect(run.stderr).toMatch(/submit the change again as a role/);
  const itemOf = async (jobId: string) => (await jobs(host)).find((j) => j.id === jobId)!.items[0]!;
  expect(await itemOf(first)).toMatchObject({
    state: 'failed',
    message: expect.stringMatching(/InvalidRbacOperationException/),
  });
  // The other individual change would only stop the relay again: the app failed it, saying why.
  expect(await itemOf(second)).toMatchObject({
    state: 'failed',
    message: expect.stringMatching(/now uses space roles only/),
  });
  expect(host.confluence.site.changes).toEqual([]);
  const after = await setup();
  expect(after.roleMode).toBe('ROLES');
  expect(after.relay?.lastError).toMatch(/space roles only/);

  // Started again once the stopped relay's lease has run out, it gets on with the role change.
  setRelayClock(() => Date.now() + 130_000);
  const again = await startRelay(['--once'], relayEnv(host, linked, ADA_LOGIN)).done;
  expect(again.code).toBe(0);
  expect(host.confluence.site.roles.roleOf('1003', { principalType: 'USER', principalId: 'u-nina' })).toBe(viewer.id);
});

it('"grant only what you hold": the relay stops saying to run it as a Confluence admin', async () => {
  // Sam administers MKT through individual permissions only: no role there grants him delete/page.
  const roles = dataOf(await admin<{ roles: { id: string; name: string }[] }>(host, 'getRelaySetup', {}));
  const manager = roles.roles.find((r) => r.name === 'Manager')!;
  dataOf(
    await admin(host, 'submitPermissionChanges', {
      spaceKeys: ['MKT'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      roleId: manager.id,
    }),
  );
  const run = await startRelay(['--once'], relayEnv(host, linked, { email: 'sam@example.com', token: 'local-sam' }))
    .done;
  expect(run.code).toBe(3);
  expect(run.stderr).toMatch(/may only grant what they hold/);
  expect(run.stderr).toMatch(/run the relay as a Confluence admin/);
  expect(host.confluence.site.roles.changes).toEqual([]);
  expect((await jobs(host))[0]!.items[0]!.state).toBe('failed');

  // As Ada (a Confluence admin, exempt) the same change goes through.
  dataOf(
    await admin(host, 'submitPermissionChanges', {
      spaceKeys: ['MKT'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      roleId: manager.id,
    }),
  );
  expect((await startRelay(['--once'], relayEnv(host, linked, ADA_LOGIN)).done).code).toBe(0);
  expect(host.confluence.site.roles.roleOf('1001', { principalType: 'USER', principalId: 'u-nina' })).toBe(manager.id);
});

it('a relay on protocol 1 gets individual changes, and is told to update when role changes wait', async () => {
  const v1 = (extra: Record<string, unknown>) => JSON.stringify({ protocol: 1, relay: relayInfo, ...extra });
  dataOf(
    await admin(host, 'submitPermissionChanges', {
      spaceKeys: ['MKT'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      operations: [{ key: 'export', target: 'space' }],
      action: 'grant',
    }),
  );
  const lease = await signedPost(linked, v1({ type: 'lease', max: 5 }), { protocolHeader: '1' });
  expect(lease.status).toBe(200);
  const body = (await lease.json()) as { protocol: number; items: Record<string, unknown>[] };
  expect(body.protocol).toBe(1);
  expect(body.items).toHaveLength(1);
  expect(body.items[0]).not.toHaveProperty('kind');
  expect(body.items[0]).toMatchObject({ action: 'grant', operation: { key: 'export', target: 'space' } });

  const viewer = dataOf(await admin<{ roles: { id: string; name: string }[] }>(host, 'getRelaySetup', {})).roles.find(
    (r) => r.name === 'Viewer',
  )!;
  dataOf(
    await admin(host, 'submitPermissionChanges', {
      spaceKeys: ['MKT'],
      subjects: [{ type: 'user', id: 'u-nina' }],
      roleId: viewer.id,
    }),
  );
  const refused = await signedPost(linked, v1({ type: 'lease', max: 5 }), { protocolHeader: '1' });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({
    error: { code: 'UNSUPPORTED_PROTOCOL', message: expect.stringMatching(/update the relay/), supported: [1, 2] },
  });
  expect((await setup()).relay?.lastError).toMatch(/protocol 1/);
});
