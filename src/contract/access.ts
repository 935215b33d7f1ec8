/**
 * "Why may this person run this script here?": the answer both pages show,
 * from `getMyScripts` (space settings) and `explainAccess` (admin page).
 */
import type { DecidedBy, ScriptDecision } from '../rules';

export type { DecidedBy, ScriptDecision } from '../rules';
export type DecisionType = DecidedBy['type'];

/** One script's answer as both pages show it. */
export interface ScriptAccess extends ScriptDecision {
  name: string;
  description: string;
}

export interface AccessExplanation {
  /** The toggle: off, every space admin may run every script. */
  enabled: boolean;
  spaceAdmin: boolean;
  space: { id: string; key: string; name?: string };
  scripts: ScriptAccess[];
}

/** What `explainAccess` adds: who was asked about. */
export interface UserAccessExplanation extends AccessExplanation {
  user: { accountId: string; displayName?: string };
}
