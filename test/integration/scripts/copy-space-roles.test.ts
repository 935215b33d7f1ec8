import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import type { ScriptPreview, ScriptRun } from '../../../src/contract/scripts';
import { itemsOfJob } from '../../../src/storage/permission-jobs/jobs';
import { dataOf, startHost } from '../../support/local-host';
import { logLines, startRelay } from '../relay/run-relay';
import { link, Linked } from '../relay/support';
import { fixture, jobs, relayEnv, SAM_LOGIN } from '../roles/support';
import { call } from './support';

/**
 * Copy Space on sites with space roles (DESIGN section 9): the source's role
 * assignments become one role job for the new space, which the relay CLI
 * applies; the runner's own is left out (they are the new space's admin).
 * On a site in transition the copy follows what the site prefers (roles) and
 * says so. The fixtures are the roles demos, with Sam allowed to create spaces.
 */
const SAM = 'u-sam';
const INPUT = { newSpaceKey: 'MKT2', newSpaceName: 'Marketing copy', copyPermissions: true };

function siteWith(name: 'demo-roles' | 'demo-transition', edit: (site: SiteFixture) => void): string {
  const site = JSON.parse(readFileSync(fixture(name), 'utf8')) as SiteFixture;
  site.users.find((u) => u.accountId === SAM)!.canCreateSpace = true;
  edit(site);
  const file = join(mkdtempSync(join(tmpdir(), 'copy-space-roles-')), `${name}.json`);
  writeFileSync(file, JSON.stringify(site));
  return file;
}
interface Assignment {
  principal: { principalType: string; principalId: string };
  roleId: string;
}
interface SiteFixture {
  users: { accountId: string; canCreateSpace?: boolean }[];
  spaces: { key: string; roleAssignments?: Assignment[] }[];
}

let host: LocalHost;
let linked: Linked;
afterEach(() => host.close());

async function copy(spaceKey: string, input: unknown): Promise<ScriptRun> {
  const { runId } = dataOf(
    await call<{ runId: string }>(host, SAM, 'startScript', { scriptKey: 'copy-space', input }, spaceKey),
  );
  await host.events.idle();
  return dataOf(await call<ScriptRun>(host, SAM, 'getScriptRun', { runId }, spaceKey));
}

const assignmentsOf = (spaceKey: string): string[] => {
  const space = host.confluence.site.spaceByKey(spaceKey)!;
  return host.confluence.site.roles
    .assignments(space.id)
    .map((a) => `${a.principal.principalType} ${a.principal.principalId} ${a.roleId}`)
    .sort();
};

describe('Copy Space on a ROLES site', () => {
  beforeEach(async () => {
    host = await startHost({
      directoryFile: siteWith('demo-roles', (site) => {
        // An access class cannot go through the queue (its subjects are users and groups): it is named, not copied.
        site.spaces
          .find((s) => s.key === 'MKT')!
          .roleAssignments!.push({
            principal: { principalType: 'ACCESS_CLASS', principalId: 'all-licensed-users' },
            roleId: 'r-viewer',
          });
      }),
      eventDelayScale: 0,
    });
    linked = await link(host);
  });

  it('previews role assignments, not individual permissions', async () => {
    const preview = dataOf(
      await call<ScriptPreview>(host, SAM, 'previewScript', { scriptKey: 'copy-space', input: INPUT }, 'MKT'),
    );
    expect(preview.summary).toMatch(/ 5 role assignments are queued as one permission change/);
    expect(preview.summary).toMatch(/Yours is left out/);
    expect(preview.warnings.join(' ')).toMatch(/access_class all-licensed-users: only users and groups/);
  });

  it("queues one role job that the relay applies: the new space holds the source's role assignments", async () => {
    const done = await copy('MKT', INPUT);
    expect(done.failures).toEqual([]);
    expect(done.state).toBe('succeeded');
    expect(done.message).toMatch(
      /Its role assignments \(this site uses space roles only\) wait in the permission-change job/,
    );
    expect(done.message).toMatch(/Not copied: the role of access_class all-licensed-users/);
    const jobId = done.links!.permissionJobId!;
    const items = await itemsOfJob(jobId);
    expect(items.map((i) => i.data.kind)).toEqual(Array(5).fill('role'));
    expect(
      items.map((i) => `${i.data.subject.type} ${i.data.subject.id} ${'roleId' in i.data ? i.data.roleId : ''}`).sort(),
    ).toEqual([
      'group g-conf-users r-collaborator',
      'group g-power r-admin',
      'group g-probation r-admin',
      'user u-bob r-admin',
      'user u-jane r-admin',
    ]);
    // The runner is never queued: a principal holds one role per space, and theirs is the new space's admin.
    expect(items.some((i) => i.data.subject.id === SAM)).toBe(false);
    expect(items.every((i) => i.data.spaceKey === 'MKT2' && i.state === 'pending')).toBe(true);

    // Sam signs the relay in: the new space is his (Ada, a Confluence admin, cannot see it).
    const relay = await startRelay(['--once'], relayEnv(host, linked, SAM_LOGIN)).done;
    expect(relay.code).toBe(0);
    expect(logLines(relay.stdout).filter((l) => l.level === 'error')).toEqual([]);
    const job = (await jobs(host)).find((j) => j.id === jobId)!;
    expect(job.items.filter((i) => i.state === 'failed').map((i) => i.message)).toEqual([]);
    expect(job.counts).toMatchObject({ applied: 5, failed: 0, queued: 0 });
    const source = assignmentsOf('MKT').filter((a) => !a.startsWith('ACCESS_CLASS') && !a.includes(SAM));
    const copied = assignmentsOf('MKT2').filter((a) => !a.includes(SAM));
    expect(copied).toEqual(source);
    // And Sam can still administer the copy.
    expect(host.confluence.site.isSpaceAdmin(SAM, host.confluence.site.spaceByKey('MKT2')!.id)).toBe(true);
  });
});

describe('Copy Space on a ROLES_TRANSITION site', () => {
  beforeEach(async () => {
    host = await startHost({ directoryFile: siteWith('demo-transition', () => undefined), eventDelayScale: 0 });
    linked = await link(host);
  });

  it('copies roles, as the site prefers, and says so in the summary', async () => {
    const input = { ...INPUT, newSpaceKey: 'ENG2', newSpaceName: 'Engineering copy' };
    const preview = dataOf(
      await call<ScriptPreview>(host, SAM, 'previewScript', { scriptKey: 'copy-space', input }, 'ENG'),
    );
    expect(preview.summary).toMatch(/ 2 role assignments are queued/);
    expect(preview.warnings.join(' ')).toMatch(/prefers roles/);
    const done = await copy('ENG', input);
    expect(done.state).toBe('succeeded');
    expect(done.message).toMatch(/has both space roles and individual permissions, and prefers roles/);
    const items = await itemsOfJob(done.links!.permissionJobId!);
    expect(items.map((i) => i.data.kind)).toEqual(['role', 'role']);
    const relay = await startRelay(['--once'], relayEnv(host, linked, SAM_LOGIN)).done;
    expect(relay.stderr).toBe('');
    expect(relay.code).toBe(0);
    expect(logLines(relay.stdout).filter((l) => l.msg === 'applied')).toHaveLength(2);
    expect(assignmentsOf('ENG2')).toEqual(assignmentsOf('ENG'));
  });
});
