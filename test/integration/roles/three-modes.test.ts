// A role change on each of the three role modes, end to end: previewed,
// submitted, applied by the relay CLI and shown as applied; the kind a site
// does not accept answered BAD_REQUEST with the reason.
import type { LocalHost } from '../../../local/host/create-host';
import { dataOf } from '../../support/local-host';
import { logLines, startRelay } from '../relay/run-relay';
import { link, Linked } from '../relay/support';
import { ADA_LOGIN, SAM_LOGIN, admin, errorOf, fixture, jobs, Preview, relayEnv } from './support';

const grantExport = {
  spaceKeys: ['ENG'],
  subjects: [{ type: 'user', id: 'u-nina' }],
  operations: [
    { key: 'read', target: 'space' },
    { key: 'export', target: 'space' },
  ],
  action: 'grant',
};

describe('ROLES site', () => {
  let host: LocalHost;
  let linked: Linked;
  beforeAll(async () => {
    const { startHost } = await import('../../support/local-host');
    host = await startHost({ directoryFile: fixture('demo-roles') });
    linked = await link(host);
  });
  afterAll(() => host.close());

  it('getRelaySetup answers the mode and the roles by their site names', async () => {
    const setup = dataOf(
      await admin<{
        roleMode: string;
        accepts: string[];
        prefers: string;
        roles: { id: string; name: string; spacePermissions: string[] }[];
      }>(host, 'getRelaySetup', {}),
    );
    expect(setup).toMatchObject({ roleMode: 'ROLES', accepts: ['role'], prefers: 'role' });
    expect(setup.roles.map((r) => r.name)).toEqual(['Admin', 'Manager', 'Collaborator', 'Viewer', 'Publisher']);
    expect(setup.roles.find((r) => r.id === 'r-viewer')!.spacePermissions).toEqual(['read/space']);
  });

  it('previews, submits and applies a role change through the relay CLI, and lists it as applied', async () => {
    const change = {
      spaceKeys: ['MKT', 'SBX'],
      subjects: [
        { type: 'user', id: 'u-bob' },
        { type: 'group', id: 'g-probation' },
        { type: 'user', id: 'u-nina' },
      ],
      roleId: 'r-admin',
    };
    const preview = dataOf(await admin<Preview>(host, 'previewPermissionChanges', change));
    expect(preview.kind).toBe('role');
    expect(
      preview.rows.map((r) => `${r.spaceKey} ${r.subject.id} ${r.transition} ${r.from?.name ?? '-'} -> ${r.to?.name}`),
    ).toEqual([
      'MKT u-bob already Admin -> Admin',
      'MKT g-probation already Admin -> Admin',
      'MKT u-nina new - -> Admin',
      'SBX u-bob new - -> Admin',
      'SBX g-probation new - -> Admin',
      'SBX u-nina new - -> Admin',
    ]);
    expect(preview).toMatchObject({ changes: 4, already: 2 });
    expect(preview.rows[0]!.subject.name).toBe('Bob Smith');

    const submitted = dataOf(await admin<{ jobId: string; changes: number }>(host, 'submitPermissionChanges', change));
    expect(submitted.changes).toBe(4);
    // --dry-run reads each subject's current role and changes nothing.
    const dry = await startRelay(['--dry-run'], relayEnv(host, linked, ADA_LOGIN)).done;
    expect(dry.code).toBe(0);
    expect(logLines(dry.stdout).filter((l) => l.msg === 'would assign the role')).toHaveLength(4);
    expect(host.confluence.site.roles.changes).toEqual([]);
    const run = await startRelay(['--once'], relayEnv(host, linked, ADA_LOGIN)).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const job = (await jobs(host)).find((j) => j.id === submitted.jobId)!;
    expect(job.kind).toBe('role');
    expect(job.items.filter((i) => i.state === 'failed').map((i) => i.message)).toEqual([]);
    expect(job.counts).toMatchObject({ applied: 4, already: 2, failed: 0, queued: 0 });
    const roles = host.confluence.site.roles;
    expect(roles.roleOf('1001', { principalType: 'USER', principalId: 'u-nina' })).toBe('r-admin');
    expect(roles.roleOf('1005', { principalType: 'GROUP', principalId: 'g-probation' })).toBe('r-admin');
    expect(roles.changes).toHaveLength(4);

    // Removing: roleId null; the preview says "removed".
    const removal = { spaceKeys: ['SBX'], subjects: [{ type: 'group', id: 'g-probation' }], roleId: null };
    const removePreview = dataOf(await admin<Preview>(host, 'previewPermissionChanges', removal));
    expect(removePreview.rows.map((r) => r.transition)).toEqual(['removed']);
    dataOf(await admin(host, 'submitPermissionChanges', removal));
    expect((await startRelay(['--once'], relayEnv(host, linked, ADA_LOGIN)).done).code).toBe(0);
    expect(roles.roleOf('1005', { principalType: 'GROUP', principalId: 'g-probation' })).toBeUndefined();
  });

  it('refuses individual permission changes with BAD_REQUEST saying the site uses roles only', async () => {
    for (const fn of ['previewPermissionChanges', 'submitPermissionChanges']) {
      const error = errorOf(await admin(host, fn, grantExport));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'operations' });
      expect(error.message).toMatch(/roles only/);
    }
  });

  it('refuses an unknown role id naming the field', async () => {
    const error = errorOf(
      await admin(host, 'previewPermissionChanges', {
        spaceKeys: ['MKT'],
        subjects: [{ type: 'user', id: 'u-nina' }],
        roleId: 'r-nope',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'roleId' });
  });
});

describe('ROLES_TRANSITION site', () => {
  let host: LocalHost;
  let linked: Linked;
  beforeAll(async () => {
    const { startHost } = await import('../../support/local-host');
    host = await startHost({ directoryFile: fixture('demo-transition') });
    linked = await link(host);
  });
  afterAll(() => host.close());

  it('offers both kinds, prefers roles, and applies each through the relay CLI', async () => {
    const setup = dataOf(
      await admin<{ roleMode: string; accepts: string[]; prefers: string; roles: { id: string; name: string }[] }>(
        host,
        'getRelaySetup',
        {},
      ),
    );
    expect(setup).toMatchObject({ roleMode: 'ROLES_TRANSITION', accepts: ['role', 'permission'], prefers: 'role' });
    const viewer = setup.roles.find((r) => r.name === 'Viewer')!;

    const role = { spaceKeys: ['MKT'], subjects: [{ type: 'user', id: 'u-nina' }], roleId: viewer.id };
    expect(dataOf(await admin<Preview>(host, 'previewPermissionChanges', role)).rows[0]).toMatchObject({
      transition: 'new',
      to: { name: 'Viewer' },
    });
    dataOf(await admin(host, 'submitPermissionChanges', role));
    dataOf(
      await admin(host, 'submitPermissionChanges', { ...grantExport, subjects: [{ type: 'user', id: 'u-jane' }] }),
    );
    // Sam administers every space (Ada, a Confluence admin, cannot see ENG).
    const run = await startRelay(['--once'], relayEnv(host, linked, SAM_LOGIN)).done;
    expect(run.code).toBe(0);
    expect(host.confluence.site.roles.roleOf('1001', { principalType: 'USER', principalId: 'u-nina' })).toBe(viewer.id);
    const eng = host.confluence.site.permissions('1004');
    expect(eng.some((p) => p.subject.id === 'u-jane' && p.operation.key === 'export')).toBe(true);
    expect((await jobs(host)).every((j) => j.counts.applied === j.items.length)).toBe(true);
  });
});

describe('PRE_ROLES site', () => {
  let host: LocalHost;
  beforeAll(async () => {
    const { startHost } = await import('../../support/local-host');
    host = await startHost({ directoryFile: fixture('demo') });
  });
  afterAll(() => host.close());

  it('keeps individual permissions and refuses role changes with BAD_REQUEST saying why', async () => {
    const setup = dataOf(
      await admin<{ roleMode: string; accepts: string[]; roles: unknown[] }>(host, 'getRelaySetup', {}),
    );
    expect(setup).toMatchObject({ roleMode: 'PRE_ROLES', accepts: ['permission'], roles: [] });
    expect(dataOf(await admin<Preview>(host, 'previewPermissionChanges', grantExport)).kind).toBe('permission');
    const error = errorOf(
      await admin(host, 'submitPermissionChanges', {
        spaceKeys: ['MKT'],
        subjects: [{ type: 'user', id: 'u-nina' }],
        roleId: 'x',
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', field: 'roleId' });
    expect(error.message).toMatch(/does not use space roles/);
  });
});
