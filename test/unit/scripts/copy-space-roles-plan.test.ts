import { copyKindFor, planRoleJob } from '../../../src/scripts/copy-space/permissions-plan';

const ROLES = [
  { id: 'r-admin', name: 'Admin' },
  { id: 'r-viewer', name: 'Viewer' },
];
const user = (id: string, roleId?: string) => ({ principal: { principalType: 'USER', principalId: id }, roleId });
const group = (id: string, roleId?: string) => ({ principal: { principalType: 'GROUP', principalId: id }, roleId });

describe('what Copy Space copies, by role mode', () => {
  it('individual permissions before roles, roles on a roles site, what the site prefers (roles) in transition', () => {
    expect(copyKindFor('PRE_ROLES')).toBe('permission');
    expect(copyKindFor('ROLES')).toBe('role');
    expect(copyKindFor('ROLES_TRANSITION')).toBe('role');
  });
});

describe('planRoleJob', () => {
  it('gives each user and group its source role by name, leaves out the runner, names what it cannot copy', () => {
    const plan = planRoleJob(
      [
        user('u-me', 'r-viewer'),
        user('u-bob', 'r-admin'),
        group('g-team', 'r-viewer'),
        { principal: { principalType: 'ACCESS_CLASS', principalId: 'anonymous-users' }, roleId: 'r-viewer' },
        user('u-norole'),
      ],
      [user('u-me', 'r-admin')],
      'u-me',
      ROLES,
    );
    expect(plan.rows).toEqual([
      { subject: { type: 'user', id: 'u-bob' }, to: { id: 'r-admin', name: 'Admin' }, from: null },
      { subject: { type: 'group', id: 'g-team' }, to: { id: 'r-viewer', name: 'Viewer' }, from: null },
    ]);
    expect(plan.keptRunner).toBe(true);
    expect(plan.skipped).toEqual([
      'the role of access_class anonymous-users: only users and groups can be copied',
      'user u-norole: no role to copy',
    ]);
  });

  it('says what a subject holds in the new space now, and skips those already so', () => {
    const plan = planRoleJob(
      [user('u-bob', 'r-admin'), group('g-team', 'r-viewer')],
      [user('u-bob', 'r-viewer'), group('g-team', 'r-viewer')],
      'u-me',
      ROLES,
    );
    expect(plan.rows).toEqual([
      {
        subject: { type: 'user', id: 'u-bob' },
        to: { id: 'r-admin', name: 'Admin' },
        from: { id: 'r-viewer', name: 'Viewer' },
      },
    ]);
  });

  it('names a role the site no longer lists by its id', () => {
    expect(planRoleJob([user('u-bob', 'r-gone')], [], 'u-me', ROLES).rows[0]!.to).toEqual({
      id: 'r-gone',
      name: 'r-gone',
    });
  });
});
