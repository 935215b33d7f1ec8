import { describeDecision, NOT_SPACE_ADMIN_MESSAGE } from '../../../static/space-settings/src/reasons';
import { joinNames } from '../../../static/shared/decision';
import type { DecidedBy, ScriptDecision } from '../../../static/space-settings/src/types';

function allowed(decidedBy: DecidedBy): ScriptDecision {
  return { allowed: true, decidedBy };
}
function restricted(decidedBy: DecidedBy): ScriptDecision {
  return { allowed: false, decidedBy };
}

describe('describeDecision', () => {
  it('says rules are off when the feature toggle is off', () => {
    expect(describeDecision(allowed({ type: 'feature-off' }))).toBe(
      'Available: built-in script rules are off, so all space admins can use it.',
    );
  });

  it('gives the single not-a-space-admin message', () => {
    expect(describeDecision(restricted({ type: 'not-space-admin' }))).toBe(
      'You are not an admin of this space, so no built-in scripts are available.',
    );
    expect(NOT_SPACE_ADMIN_MESSAGE).toBe('You are not an admin of this space, so no built-in scripts are available.');
  });

  it('explains a rule set for the viewer account, both ways', () => {
    expect(describeDecision(allowed({ type: 'user', ids: ['u-ada'] }))).toBe(
      'Available to you through a rule set for your account.',
    );
    expect(describeDecision(restricted({ type: 'user', ids: ['u-bob'] }))).toBe(
      'Restricted for you by a rule set for your account.',
    );
  });

  it('explains the space rule, both ways', () => {
    expect(describeDecision(allowed({ type: 'space', ids: ['1001'] }))).toBe(
      'Available in this space through the space rule.',
    );
    expect(describeDecision(restricted({ type: 'space', ids: ['1001'] }))).toBe(
      'Restricted in this space by the space rule.',
    );
  });

  it('explains the Global rule, both ways', () => {
    expect(describeDecision(allowed({ type: 'global' }))).toBe('Available to everyone through the Global rule.');
    expect(describeDecision(restricted({ type: 'global' }))).toBe('Restricted for everyone by the Global rule.');
  });

  describe('group rules', () => {
    it('names the one group that allowed it', () => {
      expect(describeDecision(allowed({ type: 'group', ids: ['g-power'], names: ['power-users'] }))).toBe(
        'Available to you through the group power-users.',
      );
    });

    it('names every group that allowed it', () => {
      expect(describeDecision(allowed({ type: 'group', ids: ['g-a', 'g-b'], names: ['a', 'b'] }))).toBe(
        'Available to you through the groups a and b.',
      );
      expect(describeDecision(allowed({ type: 'group', ids: ['g-a', 'g-b', 'g-c'], names: ['a', 'b', 'c'] }))).toBe(
        'Available to you through the groups a, b and c.',
      );
    });

    it('names all the matching groups that denied it', () => {
      expect(
        describeDecision(
          restricted({ type: 'group', ids: ['g-power', 'g-prob'], names: ['power-users', 'probation'] }),
        ),
      ).toBe('Restricted for your groups power-users and probation.');
      expect(describeDecision(restricted({ type: 'group', ids: ['g-prob'], names: ['probation'] }))).toBe(
        'Restricted for your group probation.',
      );
    });

    it('falls back to a group id where its name is missing', () => {
      expect(describeDecision(allowed({ type: 'group', ids: ['g-power', 'g-ops'], names: ['power-users'] }))).toBe(
        'Available to you through the groups power-users and g-ops.',
      );
      expect(describeDecision(restricted({ type: 'group', ids: ['g-prob'] }))).toBe(
        'Restricted for your group g-prob.',
      );
    });

    it('still reads well when the groups are not named at all', () => {
      expect(describeDecision(allowed({ type: 'group' }))).toBe('Available to you through one of your groups.');
      expect(describeDecision(restricted({ type: 'group', ids: [], names: [] }))).toBe('Restricted for your groups.');
    });

    it('does not repeat a group listed twice', () => {
      expect(describeDecision(allowed({ type: 'group', ids: ['g-a', 'g-a'], names: ['a', 'a'] }))).toBe(
        'Available to you through the group a.',
      );
    });
  });

  it('answers for every decision type with one sentence ending in a full stop', () => {
    const types: DecidedBy['type'][] = ['feature-off', 'not-space-admin', 'user', 'group', 'space', 'global'];
    for (const type of types) {
      for (const isAllowed of [true, false]) {
        const text = describeDecision({ allowed: isAllowed, decidedBy: { type, names: ['x'] } });
        expect(text).toMatch(/^[A-Z][^\n]*\.$/);
      }
    }
  });
});

describe('joinNames', () => {
  it('joins lists the way the page writes them', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['a'])).toBe('a');
    expect(joinNames(['a', 'b'])).toBe('a and b');
    expect(joinNames(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
  });
});
