// A user's groups are paged by what Confluence returns, not by the size
// asked for: on a site that caps /user/memberof below 200, the groups of
// the second page are still found (the old code skipped to start=200).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import { ALL_SCRIPTS, allowedKeys, explain, global, myScripts, replaceTable } from '../../support/rules';

let host: LocalHost;
const GROUPS = 250;
const name = (i: number) => `team-${String(i).padStart(3, '0')}`;

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'group-paging-')), 'site.json');
  writeFileSync(
    file,
    JSON.stringify({
      users: [
        { accountId: 'u-ada', displayName: 'Ada', email: 'ada@example.com', apiToken: 't-ada', siteAdmin: true },
        { accountId: 'u-many', displayName: 'Many Groups', email: 'many@example.com', apiToken: 't-many' },
      ],
      groups: Array.from({ length: GROUPS }, (_, i) => ({ id: `g-${i}`, name: name(i), members: ['u-many'] })),
      spaces: [
        {
          id: '1001',
          key: 'MKT',
          name: 'Marketing',
          permissions: [
            { subject: { type: 'user', id: 'u-many' }, operation: { key: 'read', target: 'space' } },
            { subject: { type: 'user', id: 'u-many' }, operation: { key: 'administer', target: 'space' } },
          ],
        },
      ],
    }),
  );
  host = await startHost({ directoryFile: file });
  // Only the group sorted 150th (on the second page of a 100-group cap) is allowed anything.
  await replaceTable(host, true, [global([]), { type: 'group', id: 'g-150', name: name(150), allowed: ALL_SCRIPTS }]);
  host.confluence.faults.add({ fault: { kind: 'pageLimit', limit: 100 }, path: '/wiki/rest/api/user/memberof' });
});
afterAll(() => host.close());

it('getMyScripts and explainAccess see a group on the second of three capped pages', async () => {
  expect(allowedKeys(await myScripts(host, 'u-many', 'MKT')).sort()).toEqual([...ALL_SCRIPTS].sort());
  expect(allowedKeys(await explain(host, 'u-many', 'MKT')).sort()).toEqual([...ALL_SCRIPTS].sort());
  // The cap was in force: each memberof page held at most 100 groups.
  expect(
    host.confluence.faults.injected.filter((f) => f.path === '/wiki/rest/api/user/memberof').length,
  ).toBeGreaterThanOrEqual(3);
});
