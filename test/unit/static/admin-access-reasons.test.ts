import { describeAccess, spaceLabel, userLabel } from '../../../static/admin-page/src/access/accessReasons';
import { joinNames } from '../../../static/shared/decision';
import type { AccessExplanation, DecidedBy } from '../../../static/admin-page/src/access/accessTypes';

const context: Pick<AccessExplanation, 'user' | 'space'> = {
  user: { accountId: 'u-bob', displayName: 'Bob Smith' },
  space: { id: '1001', key: 'MKT', name: 'Marketing' },
};

const allowed = (decidedBy: DecidedBy) => describeAccess({ allowed: true, decidedBy }, context);
const restricted = (decidedBy: DecidedBy) => describeAccess({ allowed: false, decidedBy }, context);

describe('admin-facing access reasons', () => {
  it('names the user rule that decided', () => {
    expect(restricted({ type: 'user', ids: ['u-bob'], names: ['Bob'] })).toBe('Restricted by the user rule for Bob');
    expect(allowed({ type: 'user', ids: ['u-bob'], names: ['Bob Smith'] })).toBe(
      'Allowed by the user rule for Bob Smith',
    );
  });

  it('falls back to the user’s display name, then the id, when the row has no name', () => {
    expect(restricted({ type: 'user', ids: ['u-bob'] })).toBe('Restricted by the user rule for u-bob');
    expect(restricted({ type: 'user' })).toBe('Restricted by the user rule for Bob Smith');
  });

  it('names the groups that allowed it (group rows are cumulative)', () => {
    expect(allowed({ type: 'group', ids: ['g-power'], names: ['power-users'] })).toBe(
      'Allowed through group power-users',
    );
    expect(allowed({ type: 'group', ids: ['g-1', 'g-2'], names: ['alpha', 'beta'] })).toBe(
      'Allowed through groups alpha and beta',
    );
    expect(allowed({ type: 'group', ids: ['g-1'], names: [''] })).toBe('Allowed through group g-1');
  });

  it('says every matching group rule restricted it', () => {
    expect(restricted({ type: 'group', ids: ['g-probation'], names: ['probation'] })).toBe(
      'Restricted by the group rule for probation',
    );
    expect(restricted({ type: 'group', ids: ['g-1', 'g-2', 'g-3'], names: ['a', 'b', 'c'] })).toBe(
      'Restricted by every group rule that applies: a, b and c',
    );
  });

  it('names the space rule with the space key', () => {
    expect(restricted({ type: 'space', ids: ['1001'], names: ['Marketing'] })).toBe(
      'Restricted by the space rule for Marketing (MKT)',
    );
    expect(allowed({ type: 'space', ids: ['1001'], names: ['Old name'] })).toBe(
      'Allowed by the space rule for Marketing (MKT)',
    );
  });

  it('says when Global or the toggle decided', () => {
    expect(allowed({ type: 'global' })).toBe('Allowed by the Global rule');
    expect(restricted({ type: 'global' })).toBe('Restricted by the Global rule');
    expect(allowed({ type: 'feature-off' })).toBe(
      'Allowed: rules are off, so every space admin may run every built-in script',
    );
  });

  it('says a non-space-admin is never granted anything', () => {
    expect(restricted({ type: 'not-space-admin' })).toBe(
      'Restricted: Bob Smith is not an admin of Marketing (MKT), and rules never grant anything to someone who is not',
    );
  });

  it('labels people and spaces, falling back to ids and keys', () => {
    expect(userLabel({ accountId: 'u-x' })).toBe('u-x');
    expect(spaceLabel({ id: '1', key: 'ENG' })).toBe('ENG');
    expect(joinNames([])).toBe('');
    expect(joinNames(['a'])).toBe('a');
  });
});
