import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import {
  ALL_BUT_COPY_SPACE,
  ALL_SCRIPTS,
  allowedKeys,
  explain,
  ExplainData,
  global,
  myScripts,
  replaceTable,
} from '../../support/rules';

/**
 * The six scenarios of ScriptRunner's documentation (docs/rules.md),
 * configured through saveConfig and checked through explainAccess (as the
 * admin) and getMyScripts (as the space admin themself), which must agree.
 */
let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

async function expectAccess(accountId: string, spaceKey: string, allowed: string[], decidedBy?: string) {
  const asAdmin = await explain(host, accountId, spaceKey);
  const asUser = await myScripts(host, accountId, spaceKey);
  expect(asAdmin.spaceAdmin).toBe(true);
  expect(allowedKeys(asAdmin)).toEqual(allowed);
  expect(asUser.scripts).toEqual(asAdmin.scripts);
  if (decidedBy) expect(new Set(asAdmin.scripts.map((s) => s.decidedBy.type))).toEqual(new Set([decidedBy]));
  return asAdmin;
}

const decider = (data: ExplainData, key: string) => data.scripts.find((s) => s.key === key)?.decidedBy;

test('1. Global all but Copy Space: every space admin has all but Copy Space', async () => {
  await replaceTable(host, true, [global(ALL_BUT_COPY_SPACE)]);
  for (const user of ['u-bob', 'u-jane', 'u-priya', 'u-pat', 'u-sam']) {
    for (const space of ['MKT', 'HR', 'PG']) await expectAccess(user, space, ALL_BUT_COPY_SPACE, 'global');
  }
});

test('2. Global none, power-users all: only its members have scripts', async () => {
  await replaceTable(host, true, [
    global([]),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  const priya = await expectAccess('u-priya', 'MKT', ALL_SCRIPTS, 'group');
  expect(decider(priya, 'copy-space')).toEqual({ type: 'group', ids: ['g-power'], names: ['power-users'] });
  for (const user of ['u-bob', 'u-jane', 'u-pat', 'u-sam']) await expectAccess(user, 'MKT', []);
});

test('3. Global all but Copy Space, user Bob none: Bob has none', async () => {
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] },
  ]);
  await expectAccess('u-bob', 'MKT', [], 'user');
  await expectAccess('u-jane', 'MKT', ALL_BUT_COPY_SPACE, 'global');
});

test('4. Marketing none, Jane all: Jane has everything, Copy Space included, even in Marketing', async () => {
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'space', id: '1001', key: 'MKT', name: 'Marketing', allowed: [] },
    { type: 'user', id: 'u-jane', name: 'Jane Doe', allowed: ALL_SCRIPTS },
  ]);
  await expectAccess('u-jane', 'MKT', ALL_SCRIPTS, 'user');
  const bobInMarketing = await expectAccess('u-bob', 'MKT', [], 'space');
  expect(decider(bobInMarketing, 'copy-space')).toEqual({ type: 'space', ids: ['1001'], names: ['Marketing'] });
  await expectAccess('u-bob', 'HR', ALL_BUT_COPY_SPACE, 'global');
});

test('5. Global only Copy Space, HR none, power-users all: power-users everywhere, others only Copy Space and nothing in HR', async () => {
  await replaceTable(host, true, [
    global(['copy-space']),
    { type: 'space', id: '1002', key: 'HR', name: 'Human Resources', allowed: [] },
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  await expectAccess('u-priya', 'HR', ALL_SCRIPTS, 'group');
  await expectAccess('u-priya', 'MKT', ALL_SCRIPTS, 'group');
  await expectAccess('u-bob', 'MKT', ['copy-space'], 'global');
  await expectAccess('u-bob', 'HR', [], 'space');
  await expectAccess('u-sam', 'HR', [], 'space');
});

test('6. Global only Copy Space, Proving Ground all, probation none: probation members have none, even in Proving Ground', async () => {
  await replaceTable(host, true, [
    global(['copy-space']),
    { type: 'space', id: '1003', key: 'PG', name: 'Proving Ground', allowed: ALL_SCRIPTS },
    { type: 'group', id: 'g-probation', name: 'probation', allowed: [] },
  ]);
  const pat = await expectAccess('u-pat', 'PG', [], 'group');
  expect(decider(pat, 'copy-space')).toEqual({ type: 'group', ids: ['g-probation'], names: ['probation'] });
  await expectAccess('u-bob', 'PG', ALL_SCRIPTS, 'space');
  await expectAccess('u-bob', 'MKT', ['copy-space'], 'global');
});

test('toggle off: every space admin has every script; a non-admin of the space has none either way', async () => {
  await replaceTable(host, false, [global([]), { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: [] }]);
  await expectAccess('u-bob', 'MKT', ALL_SCRIPTS, 'feature-off');
  const nina = await explain(host, 'u-nina', 'MKT');
  expect(nina.spaceAdmin).toBe(false);
  expect(allowedKeys(nina)).toEqual([]);
  expect(new Set(nina.scripts.map((s) => s.decidedBy.type))).toEqual(new Set(['not-space-admin']));
  await replaceTable(host, true, [
    global(ALL_SCRIPTS),
    { type: 'user', id: 'u-nina', name: 'Nina Novak', allowed: ALL_SCRIPTS },
  ]);
  expect(allowedKeys(await myScripts(host, 'u-nina', 'MKT'))).toEqual([]);
});

test('getMyScripts costs 3 platform calls in 2 sequential round trips; a non-admin of the space costs no storage read', async () => {
  const { invoke } = await import('../../support/local-host');
  await replaceTable(host, true, [
    global(ALL_BUT_COPY_SPACE),
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL_SCRIPTS },
  ]);
  const priya = await invoke(host, 'space-settings', 'getMyScripts', {}, { accountId: 'u-priya', spaceKey: 'MKT' });
  expect(priya.platformCalls).toEqual({ total: 3, kvs: 1, product: 2, graphql: 0, sequentialDepth: 2 });
  const nina = await invoke(host, 'space-settings', 'getMyScripts', {}, { accountId: 'u-nina', spaceKey: 'MKT' });
  expect(nina.platformCalls).toMatchObject({ kvs: 0, product: 2, sequentialDepth: 1 });
});
