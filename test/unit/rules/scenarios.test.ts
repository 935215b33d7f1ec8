import { AccessSubject, DecidedBy, Row, RuleIndex, SCRIPT_CATALOG, scriptKeys } from '../../../src/rules';

/**
 * The six scenarios of ScriptRunner's documentation (docs/rules.md),
 * toggle on, with the deciding row checked for each answer.
 */

const ALL = scriptKeys(SCRIPT_CATALOG);
const ALL_BUT_COPY_SPACE = ALL.filter((k) => k !== 'copy-space');
const ONLY_COPY_SPACE = ['copy-space'];

const global = (allowed: string[]): Row => ({ type: 'global', id: 'global', name: 'Global', allowed });
const index = (rows: Row[]): RuleIndex => RuleIndex.build({ enabled: true, rows }, ALL);

const SPACE_ANY = { id: '2000', key: 'ANY' };
const MARKETING = { id: '1001', key: 'MKT' };
const HR = { id: '1002', key: 'HR' };
const PROVING_GROUND = { id: '1003', key: 'PG' };

function admin(accountId: string, space = SPACE_ANY, groupIds: string[] = []): AccessSubject {
  return { accountId, groupIds, space, isSpaceAdmin: true };
}

function allowedKeys(idx: RuleIndex, subject: AccessSubject): string[] {
  return idx
    .explain(subject)
    .filter((d) => d.allowed)
    .map((d) => d.key);
}

function deciders(idx: RuleIndex, subject: AccessSubject): DecidedBy[] {
  return idx.explain(subject).map((d) => d.decidedBy);
}

test('1: Global all but Copy Space -> every space admin has all but Copy Space, decided by Global', () => {
  const idx = index([global(ALL_BUT_COPY_SPACE)]);
  for (const subject of [admin('u-ada'), admin('u-bob', MARKETING, ['g-any'])]) {
    expect(allowedKeys(idx, subject)).toEqual(ALL_BUT_COPY_SPACE);
    expect(deciders(idx, subject)).toEqual(ALL.map(() => ({ type: 'global' })));
  }
});

test('2: Global none, group power-users all -> only its members have scripts', () => {
  const idx = index([global([]), { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL }]);
  const member = admin('u-ada', SPACE_ANY, ['g-other', 'g-power']);
  expect(allowedKeys(idx, member)).toEqual(ALL);
  expect(deciders(idx, member)).toEqual(ALL.map(() => ({ type: 'group', ids: ['g-power'], names: ['power-users'] })));

  const other = admin('u-bob', SPACE_ANY, ['g-other']);
  expect(allowedKeys(idx, other)).toEqual([]);
  expect(deciders(idx, other)).toEqual(ALL.map(() => ({ type: 'global' })));
});

test('3: Global all but Copy Space, user Bob none -> Bob has none, decided by his user row', () => {
  const idx = index([global(ALL_BUT_COPY_SPACE), { type: 'user', id: 'u-bob', name: 'Bob', allowed: [] }]);
  const bob = admin('u-bob');
  expect(allowedKeys(idx, bob)).toEqual([]);
  expect(deciders(idx, bob)).toEqual(ALL.map(() => ({ type: 'user', ids: ['u-bob'], names: ['Bob'] })));
  expect(allowedKeys(idx, admin('u-ada'))).toEqual(ALL_BUT_COPY_SPACE);
});

test('4: space Marketing none, user Jane all -> Jane has every script even in Marketing; others none there', () => {
  const idx = index([
    global(ALL_BUT_COPY_SPACE),
    { type: 'space', id: MARKETING.id, key: MARKETING.key, name: 'Marketing', allowed: [] },
    { type: 'user', id: 'u-jane', name: 'Jane', allowed: ALL },
  ]);
  const janeInMarketing = admin('u-jane', MARKETING);
  expect(allowedKeys(idx, janeInMarketing)).toEqual(ALL);
  expect(idx.decide(janeInMarketing, 'copy-space')).toEqual({
    key: 'copy-space',
    allowed: true,
    decidedBy: { type: 'user', ids: ['u-jane'], names: ['Jane'] },
  });
  expect(allowedKeys(idx, admin('u-jane'))).toEqual(ALL);

  const otherInMarketing = admin('u-bob', MARKETING);
  expect(allowedKeys(idx, otherInMarketing)).toEqual([]);
  expect(deciders(idx, otherInMarketing)).toEqual(
    ALL.map(() => ({ type: 'space', ids: [MARKETING.id], names: ['Marketing'] })),
  );
  expect(allowedKeys(idx, admin('u-bob'))).toEqual(ALL_BUT_COPY_SPACE);
});

test('5: Global only Copy Space, space HR none, power-users all -> power-users all even in HR; others Copy Space only, none in HR', () => {
  const idx = index([
    global(ONLY_COPY_SPACE),
    { type: 'space', id: HR.id, key: HR.key, name: 'HR', allowed: [] },
    { type: 'group', id: 'g-power', name: 'power-users', allowed: ALL },
  ]);
  const powerInHr = admin('u-ada', HR, ['g-power']);
  expect(allowedKeys(idx, powerInHr)).toEqual(ALL);
  expect(deciders(idx, powerInHr)).toEqual(
    ALL.map(() => ({ type: 'group', ids: ['g-power'], names: ['power-users'] })),
  );
  expect(allowedKeys(idx, admin('u-ada', SPACE_ANY, ['g-power']))).toEqual(ALL);

  const other = admin('u-bob');
  expect(allowedKeys(idx, other)).toEqual(ONLY_COPY_SPACE);
  expect(deciders(idx, other)).toEqual(ALL.map(() => ({ type: 'global' })));

  const otherInHr = admin('u-bob', HR);
  expect(allowedKeys(idx, otherInHr)).toEqual([]);
  expect(deciders(idx, otherInHr)).toEqual(ALL.map(() => ({ type: 'space', ids: [HR.id], names: ['HR'] })));
});

test('6: Global only Copy Space, space Proving Ground all, group probation none -> probation members none even in Proving Ground', () => {
  const idx = index([
    global(ONLY_COPY_SPACE),
    { type: 'space', id: PROVING_GROUND.id, key: PROVING_GROUND.key, name: 'Proving Ground', allowed: ALL },
    { type: 'group', id: 'g-probation', name: 'probation', allowed: [] },
  ]);
  const probationInPg = admin('u-cy', PROVING_GROUND, ['g-probation']);
  expect(allowedKeys(idx, probationInPg)).toEqual([]);
  // denied by a group: every matching group row is named
  expect(deciders(idx, probationInPg)).toEqual(
    ALL.map(() => ({ type: 'group', ids: ['g-probation'], names: ['probation'] })),
  );
  expect(allowedKeys(idx, admin('u-cy', SPACE_ANY, ['g-probation']))).toEqual([]);

  const otherInPg = admin('u-bob', PROVING_GROUND);
  expect(allowedKeys(idx, otherInPg)).toEqual(ALL);
  expect(deciders(idx, otherInPg)).toEqual(
    ALL.map(() => ({ type: 'space', ids: [PROVING_GROUND.id], names: ['Proving Ground'] })),
  );
  expect(allowedKeys(idx, admin('u-bob'))).toEqual(ONLY_COPY_SPACE);
});
