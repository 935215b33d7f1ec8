/**
 * Why a script is available or restricted, in the words a space admin
 * reads: beside each script on the space settings page, and in the
 * FORBIDDEN answer of previewScript and startScript. One module for both,
 * so the server and the page cannot say different things. Plain functions,
 * no schema code: the page bundles it.
 */
import type { DecisionType } from './access';

/** The decision as the wording reads it (the contract's ScriptDecision is assignable to it). */
export interface DecisionReading {
  allowed: boolean;
  decidedBy: { type: DecisionType; ids?: readonly string[]; names?: readonly string[] };
}

export const NOT_SPACE_ADMIN_MESSAGE = 'You are not an admin of this space, so no built-in scripts are available.';

/** Display names, falling back to the id where a name is missing; no repeats. */
export function decisionLabels({ ids = [], names = [] }: DecisionReading['decidedBy']): string[] {
  const count = Math.max(ids.length, names.length);
  const labels: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const label = (names[i] ?? '').trim() || (ids[i] ?? '').trim();
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Why a script is available or restricted for the viewer, as one sentence. */
export function describeDecision(decision: DecisionReading): string {
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
      return unknownDecision(decidedBy.type, allowed);
  }
}

/**
 * Group rows are cumulative: when allowed, the names are the groups that
 * allowed it; when restricted, the viewer's groups with rows, which all denied it.
 */
function describeGroupDecision(allowed: boolean, decidedBy: DecisionReading['decidedBy']): string {
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

/** A decision type this code does not know (a page older than its server): say only what is known. */
function unknownDecision(type: never, allowed: boolean): string {
  void type;
  return allowed ? 'Available to you.' : 'Restricted for you.';
}
