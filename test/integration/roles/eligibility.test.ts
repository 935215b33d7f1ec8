// On a roles site a space admin is whoever holds administer/space directly,
// through a group, a role or an access class: getMyScripts (as the user) and
// explainAccess (as the app, for the admin) agree, and a viewer gets nothing.
import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { admin, fixture } from './support';

type Access = { spaceAdmin: boolean; scripts: { key: string; allowed: boolean }[] };

let host: LocalHost;
beforeAll(async () => {
  host = await startHost({ directoryFile: fixture('demo-roles') });
});
afterAll(() => host.close());

const myScripts = async (accountId: string, spaceKey: string) =>
  dataOf(await invoke<Envelope<Access>>(host, 'space-settings', 'getMyScripts', {}, { accountId, spaceKey }));
const explained = async (accountId: string, spaceKey: string) =>
  dataOf(await admin<Access>(host, 'explainAccess', { accountId, spaceKey }));

describe('space admins on a ROLES site', () => {
  it.each([
    ['u-priya', 'MKT', true, 'Admin role through the group power-users'],
    ['u-bob', 'MKT', true, 'Admin role given to him'],
    ['u-nina', 'SBX', true, 'Admin role of the access class all-licensed-users'],
    ['u-nina', 'MKT', false, 'Collaborator through confluence-users: a viewer of admin rights'],
    ['u-bob', 'ENG', false, 'Publisher role only'],
  ])('%s in %s: space admin %s (%s)', async (accountId, spaceKey, isAdmin) => {
    const mine = await myScripts(accountId, spaceKey);
    const theirs = await explained(accountId, spaceKey);
    expect(mine.spaceAdmin).toBe(isAdmin);
    expect(theirs.spaceAdmin).toBe(isAdmin);
    expect(mine.scripts.every((s) => s.allowed === isAdmin)).toBe(true);
    expect(theirs.scripts.map((s) => [s.key, s.allowed])).toEqual(mine.scripts.map((s) => [s.key, s.allowed]));
  });

  it('the emulated site agrees with the app for every user and space', async () => {
    const site = host.confluence.site;
    for (const user of site.users()) {
      for (const space of site.spaces()) {
        if (!site.canView({ kind: 'user', accountId: user.accountId }, space.id)) continue;
        expect([user.accountId, space.key, (await myScripts(user.accountId, space.key)).spaceAdmin]).toEqual([
          user.accountId,
          space.key,
          site.isSpaceAdmin(user.accountId, space.id),
        ]);
      }
    }
  });
});
