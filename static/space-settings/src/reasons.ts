/**
 * The plain-words reason shown beside each built-in script on the space
 * settings page. Pure: no DOM, no React, so it is unit-tested under Node.
 */
import { decisionLabels, joinNames } from '../../shared/decision';
import type { DecidedBy, ScriptDecision } from './types';

export const NOT_SPACE_ADMIN_MESSAGE = 'You are not an admin of this space, so no built-in scripts are available.';

/** Why a script is available or restricted for the viewer, as one sentence. */
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
    case 'group':
      return describeGroupDecision(allowed, decidedBy);
    case 'space':
      return allowed
        ? 'Available in this space through the space rule.'
        : 'Restricted in this space by the space rule.';
    case 'global':
      return allowed ? 'Available to everyone through the Global rule.' : 'Restricted for everyone by the Global rule.';
    default:
      return assertNever(decidedBy.type, allowed);
  }
}

/**
 * Group rows are cumulative: when allowed, the names are the groups that
 * allowed it; when restricted, the viewer's groups with rows, which all denied it.
 */
function describeGroupDecision(allowed: boolean, decidedBy: DecidedBy): string {
  const groups = decisionLabels(decidedBy);
  if (allowed) {
    if (groups.length === 0) return 'Available to you through one of your groups.';
    if (groups.length === 1) return `Available to you through the group ${groups[0]}.`;
    return `Available to you through the groups ${joinNames(groups)}.`;
  }
  if (groups.length === 0) return 'Restricted for your groups.';
  if (groups.length === 1) return `Restricted for your group ${groups[0]}.`;
  return `Restricted for your groups ${joinNames(groups)}.`;
}

/** A decision type this page does not know (a newer server): say only what we know. */
function assertNever(type: never, allowed: boolean): string {
  void type;
  return allowed ? 'Available to you.' : 'Restricted for you.';
}
