import { acceptedKinds, changeSchemaFor, preferredKind, RoleChange } from '../../../src/contract/permission-changes';
import { planRoleChanges } from '../../../src/permission-changes/role-plan';

const roles = [
  { id: 'r-a', name: 'Admin', spacePermissions: ['read/space', 'administer/space'] },
  { id: 'r-v', name: 'Viewer', spacePermissions: ['read/space'] },
];
const space = {
  id: '1',
  key: 'S',
  name: 'Space',
  assignments: [
    { principal: { principalType: 'USER', principalId: 'u-1' }, roleId: 'r-a' },
    { principal: { principalType: 'GROUP', principalId: 'u-2' }, roleId: 'r-v' },
  ],
};
const subjects = [
  { type: 'user' as const, id: 'u-1' },
  { type: 'user' as const, id: 'u-2' },
];

describe('planRoleChanges', () => {
  it('says role A -> role B, new, and already so, matching principals by type and id', () => {
    const rows = planRoleChanges([space], subjects, 'r-v', roles);
    expect(rows.map((r) => [r.subject.id, r.transition, r.from?.name ?? null, r.to?.name, r.status])).toEqual([
      ['u-1', 'changed', 'Admin', 'Viewer', 'change'],
      // The group u-2 holds Viewer; the user u-2 holds nothing.
      ['u-2', 'new', null, 'Viewer', 'change'],
    ]);
    expect(planRoleChanges([space], [subjects[0]!], 'r-a', roles)[0]).toMatchObject({
      transition: 'already',
      status: 'already',
    });
  });

  it('removal: removed where a role is held, already so where none is', () => {
    const rows = planRoleChanges([space], subjects, null, roles);
    expect(rows.map((r) => [r.transition, r.to])).toEqual([
      ['removed', null],
      ['already', null],
    ]);
    expect(rows[0]!.note).toMatch(/group or access class stays/);
  });

  it('names a role Confluence did not list by its id', () => {
    const rows = planRoleChanges(
      [{ ...space, assignments: [{ principal: { principalType: 'USER', principalId: 'u-1' }, roleId: 'gone' }] }],
      [subjects[0]!],
      null,
      roles,
    );
    expect(rows[0]!.from).toEqual({ id: 'gone', name: 'gone' });
  });
});

describe('which kinds a site accepts', () => {
  it('follows the role mode and prefers roles where the site has them', () => {
    expect(acceptedKinds('PRE_ROLES')).toEqual(['permission']);
    expect(acceptedKinds('ROLES_TRANSITION')).toEqual(['role', 'permission']);
    expect(acceptedKinds('ROLES')).toEqual(['role']);
    expect(['PRE_ROLES', 'ROLES_TRANSITION', 'ROLES'].map((m) => preferredKind(m as never))).toEqual([
      'permission',
      'role',
      'role',
    ]);
  });

  it('a payload naming roleId is a role change, null removing', () => {
    const raw = { spaceKeys: ['S'], subjects: [{ type: 'user', id: 'u' }], roleId: null };
    expect(changeSchemaFor(raw)).toBe(RoleChange);
    expect(RoleChange.safeParse(raw).success).toBe(true);
    expect(RoleChange.safeParse({ ...raw, operations: [] }).success).toBe(false);
  });
});
