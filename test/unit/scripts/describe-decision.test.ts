import { describeDecision as pageReason } from '../../../static/space-settings/src/reasons';
import { describeDecision as serverReason } from '../../../src/resolvers/access';
import type { ScriptDecision } from '../../../src/rules';

/** FORBIDDEN answers carry the same words the space settings page shows beside the script. */
describe("the server gives the page's reason", () => {
  const decisions: ScriptDecision[] = [];
  for (const allowed of [true, false]) {
    decisions.push(
      { key: 'x', allowed, decidedBy: { type: 'feature-off' } },
      { key: 'x', allowed, decidedBy: { type: 'not-space-admin' } },
      { key: 'x', allowed, decidedBy: { type: 'user', ids: ['u'], names: ['U'] } },
      { key: 'x', allowed, decidedBy: { type: 'space', ids: ['1'], names: ['S'] } },
      { key: 'x', allowed, decidedBy: { type: 'global' } },
      { key: 'x', allowed, decidedBy: { type: 'group', ids: [], names: [] } },
      { key: 'x', allowed, decidedBy: { type: 'group', ids: ['g1'], names: ['power'] } },
      { key: 'x', allowed, decidedBy: { type: 'group', ids: ['g1', 'g2', 'g3'], names: ['a', '', 'c'] } },
    );
  }
  it.each(decisions.map((d) => [d.decidedBy.type, d.allowed, d] as const))('%s allowed=%s', (_t, _a, decision) => {
    expect(serverReason(decision)).toBe(pageReason(decision as never));
  });
});
