/**
 * The one decision on whether a person may preview or run a built-in
 * script in a space: the rules and their space-admin right, both from
 * Confluence and the stored rules, through the same explanation the pages
 * show (./explain.ts). Resolvers ask as the caller; a run under way asks
 * as the app about the person who started it (a consumer has no user).
 */
import type { ScriptKey } from '../contract/scripts';
import { groupsOfUser } from '../confluence/groups';
import { callerAdministersSpace, userAdministersSpace } from '../confluence/spaces';
import type { ScriptDecision } from '../rules';
import { AppError } from './envelope';
import { explainFor } from './explain';

/** Said when the person does not administer the space (the page's own wording). */
export const NOT_SPACE_ADMIN_MESSAGE = 'You are not an admin of this space, so no built-in scripts are available.';

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function labels(decision: ScriptDecision): string[] {
  const by = decision.decidedBy as { ids?: string[]; names?: string[] };
  const ids = by.ids ?? [];
  const names = by.names ?? [];
  const out: string[] = [];
  for (let i = 0; i < Math.max(ids.length, names.length); i++) {
    const label = (names[i] ?? '').trim() || (ids[i] ?? '').trim();
    if (label && !out.includes(label)) out.push(label);
  }
  return out;
}

/**
 * Why a script is available or restricted, in the words the space settings
 * page shows beside it (static/space-settings/src/reasons.ts; a unit test
 * keeps the two the same for every kind of decision).
 */
export function describeDecision(decision: ScriptDecision): string {
  const { allowed, decidedBy } = decision;
  switch (decidedBy.type) {
    case 'feature-off':
      return allowed
        ? 'Available: built-in script rules are off, so all space admins can use it.'
        : 'Restricted, although built-in script rules are off.';
    case 'not-space-admin':
      return NOT_SPACE_ADMIN_MESSAGE;
    case 'user':
      return allowed
        ? 'Available to you through a rule set for your account.'
        : 'Restricted for you by a rule set for your account.';
    case 'group': {
      const groups = labels(decision);
      if (allowed) {
        if (groups.length === 0) return 'Available to you through one of your groups.';
        if (groups.length === 1) return `Available to you through the group ${groups[0]}.`;
        return `Available to you through the groups ${joinNames(groups)}.`;
      }
      if (groups.length === 0) return 'Restricted for your groups.';
      if (groups.length === 1) return `Restricted for your group ${groups[0]}.`;
      return `Restricted for your groups ${joinNames(groups)}.`;
    }
    case 'space':
      return allowed
        ? 'Available in this space through the space rule.'
        : 'Restricted in this space by the space rule.';
    case 'global':
      return allowed ? 'Available to everyone through the Global rule.' : 'Restricted for everyone by the Global rule.';
  }
}

export type AccessAnswer = { allowed: true } | { allowed: false; reason: string };

function answerFor(decisions: ScriptDecision[], scriptKey: ScriptKey): AccessAnswer {
  const decision = decisions.find((d) => d.key === scriptKey);
  if (!decision) return { allowed: false, reason: `The script ${scriptKey} is not in this app's catalog.` };
  return decision.allowed ? { allowed: true } : { allowed: false, reason: describeDecision(decision) };
}

/**
 * For a resolver: may the caller (Forge's context) use the script in the
 * page's space? Throws FORBIDDEN with the page's reason when not.
 * Platform calls: the caller's operations in the space and their groups, in
 * parallel, then one storage batch read.
 */
export async function requireScriptAllowed(
  caller: { accountId: string; space: { id: string; key: string } },
  scriptKey: ScriptKey,
): Promise<void> {
  const [spaceAdmin, groups] = await Promise.all([
    callerAdministersSpace(caller.space.id),
    groupsOfUser(caller.accountId, 'user'),
  ]);
  const explanation = await explainFor(caller.accountId, caller.space, groups, spaceAdmin);
  const answer = answerFor(explanation.scripts, scriptKey);
  if (!answer.allowed) throw new AppError('FORBIDDEN', answer.reason);
}

/**
 * For a run under way (no user in a queue consumer): may the person who
 * started it still use the script there? Asked as the app: their groups,
 * then the space's permission assignments, then the rules.
 */
export async function runStillAllowed(
  accountId: string,
  space: { id: string; key: string },
  scriptKey: ScriptKey,
): Promise<AccessAnswer> {
  const groups = await groupsOfUser(accountId, 'app');
  const spaceAdmin = userAdministersSpace(
    space.id,
    accountId,
    groups.map((g) => g.id),
  );
  const explanation = await explainFor(accountId, space, groups, spaceAdmin, { withToggle: true });
  return answerFor(explanation.scripts, scriptKey);
}
