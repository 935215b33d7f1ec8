import { planChanges } from '../../../src/permission-changes/plan';

const space = {
  id: '1',
  key: 'S',
  name: 'Space',
  assignments: [
    { subject: { type: 'user', id: 'u1' }, operation: { key: 'read', target: 'space' } },
    { subject: { type: 'user', id: 'u1' }, operation: { key: 'export', target: 'space' } },
  ],
};
const ops = [
  { key: 'export', target: 'space' },
  { key: 'read', target: 'space' },
  { key: 'create', target: 'page' },
];

it('grants: read/space first, what is held marked already', () => {
  const rows = planChanges([space], [{ type: 'user', id: 'u1' }], ops, 'grant');
  expect(rows.map((r) => `${r.operation.key} ${r.status}`)).toEqual([
    'read already',
    'create change',
    'export already',
  ]);
});

it('revokes: read/space last, with a note that it takes the rest along', () => {
  const rows = planChanges([space], [{ type: 'user', id: 'u1' }], ops, 'revoke');
  expect(rows.map((r) => `${r.operation.key} ${r.status}`)).toEqual(['create already', 'export change', 'read change']);
  expect(rows[2]!.note).toMatch(/removes every other permission/);
});

it('warns when a grant needs read/space the subject lacks and the job does not give', () => {
  const rows = planChanges([space], [{ type: 'group', id: 'g1' }], [{ key: 'export', target: 'space' }], 'grant');
  expect(rows[0]).toMatchObject({ status: 'change', note: expect.stringMatching(/read\/space first/) });
});
