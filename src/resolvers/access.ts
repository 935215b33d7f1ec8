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
import { describeDecision } from '../contract/access-reasons';
import { AppError } from './envelope';
import { explainForCaller, explainForUser } from './explain';

export { NOT_SPACE_ADMIN_MESSAGE } from '../contract/access-reasons';

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
  const explanation = await explainForCaller(caller.accountId, caller.space, groups, spaceAdmin);
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
  const explanation = await explainForUser(accountId, space, groups, spaceAdmin);
  return answerFor(explanation.scripts, scriptKey);
}
