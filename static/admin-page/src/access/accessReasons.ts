/**
 * Why a user may or may not run a script, in words for the Confluence admin
 * checking access (third person, naming the row that decided). The space
 * settings page has its own, second-person wording. Pure, unit-tested.
 */
import { decisionLabels, joinNames } from '../../../shared/decision';
import type { AccessExplanation, DecidedBy, ScriptAccess } from './accessTypes';

/** "Marketing (MKT)", or the key alone when Confluence gave no name. */
export function spaceLabel(space: AccessExplanation['space']): string {
  const name = space.name?.trim();
  return name ? `${name} (${space.key})` : space.key;
}

export function userLabel(user: AccessExplanation['user']): string {
  return user.displayName?.trim() || user.accountId;
}

/** The reason for one script, e.g. "Restricted by the user rule for Bob Smith". */
export function describeAccess(
  script: Pick<ScriptAccess, 'allowed' | 'decidedBy'>,
  explanation: Pick<AccessExplanation, 'user' | 'space'>,
): string {
  const { allowed, decidedBy } = script;
  const verdict = allowed ? 'Allowed' : 'Restricted';
  switch (decidedBy.type) {
    case 'feature-off':
      return allowed
        ? 'Allowed: rules are off, so every space admin may run every built-in script'
        : 'Restricted, although rules are off';
    case 'not-space-admin':
      return `Restricted: ${userLabel(explanation.user)} is not an admin of ${spaceLabel(explanation.space)}, and rules never grant anything to someone who is not`;
    case 'user':
      return `${verdict} by the user rule for ${firstLabel(decidedBy) ?? userLabel(explanation.user)}`;
    case 'group':
      return describeGroups(allowed, decisionLabels(decidedBy));
    case 'space':
      return `${verdict} by the space rule for ${spaceRuleLabel(decidedBy, explanation.space)}`;
    case 'global':
      return `${verdict} by the Global rule`;
    default:
      return unknownDecision(decidedBy.type, verdict);
  }
}

/** Group rows are cumulative: any allowing row allows; restricted means every matching row restricts. */
function describeGroups(allowed: boolean, groups: string[]): string {
  if (allowed) {
    if (groups.length === 0) return 'Allowed through one of the user’s groups';
    return `Allowed through ${groups.length === 1 ? 'group' : 'groups'} ${joinNames(groups)}`;
  }
  if (groups.length === 0) return 'Restricted by the rules of the user’s groups';
  if (groups.length === 1) return `Restricted by the group rule for ${groups[0]}`;
  return `Restricted by every group rule that applies: ${joinNames(groups)}`;
}

function spaceRuleLabel(decidedBy: DecidedBy, space: AccessExplanation['space']): string {
  const name = firstLabel(decidedBy);
  if (decidedBy.ids?.[0] === space.id || !name) return spaceLabel({ ...space, name: space.name ?? name });
  return name;
}

function firstLabel(decidedBy: DecidedBy): string | undefined {
  return decisionLabels(decidedBy)[0];
}

/** A decision type this page does not know (a newer server): say only the verdict. */
function unknownDecision(type: never, verdict: string): string {
  void type;
  return verdict;
}
