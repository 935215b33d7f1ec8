/**
 * After a CONFLICT the admin reloads: their edits are re-applied on top of
 * the newer save, so neither their edits nor the other admin's are lost.
 *
 * Edits are per checkbox, and a checkbox has two states, so re-applying a
 * checkbox edit never undoes another admin's change to it (if they changed
 * it, they set it to the value the admin chose, and the edit dissolves).
 * Rows are the one place two edits can meet; each such case is reported as a
 * notice for the admin to review before saving again.
 */
import { editedRule, startDraft, type RuleDraft } from './ruleDraft';
import { inScriptOrder, type RuleRef } from './ruleOrder';
import type { AdminConfig, Rule } from '../types';

export type RebaseNotice =
  /** The admin changed checkboxes of a row the newer save removed: it comes back as a new row. */
  | { kind: 'edited-row-removed'; rule: Rule }
  /** Both added this row: the admin's checkboxes are applied to the saved row. */
  | { kind: 'added-by-both'; rule: Rule }
  /** The admin removed a row the newer save changed: it is still removed. */
  | { kind: 'removed-row-changed'; rule: Rule };

export interface RebaseResult {
  draft: RuleDraft;
  notices: RebaseNotice[];
}

export function rebaseDraft(old: RuleDraft, newer: AdminConfig): RebaseResult {
  const fresh = startDraft(newer);
  const notices: RebaseNotice[] = [];
  const cells = new Map<RuleRef, ReadonlyMap<string, boolean>>();
  const added = new Map<RuleRef, Rule>();
  const removed = new Set<RuleRef>();
  const keys = fresh.scriptKeys;

  for (const [ref, rowCells] of old.cells) {
    const now = fresh.baseRows.get(ref);
    const before = old.baseRows.get(ref);
    if (now) {
      const kept = cellsDifferingFrom(now, wantedAllowed(now, rowCells), keys);
      if (kept.size > 0) cells.set(ref, kept);
    } else if (before) {
      const rule = knownScriptsOnly(editedRule(old, before), keys);
      added.set(ref, rule);
      notices.push({ kind: 'edited-row-removed', rule });
    }
  }

  for (const [ref, rule] of old.added) {
    const now = fresh.baseRows.get(ref);
    const mine = knownScriptsOnly(rule, keys);
    if (now) {
      const kept = cellsDifferingFrom(now, new Set(mine.allowed), keys);
      if (kept.size > 0) cells.set(ref, kept);
      notices.push({ kind: 'added-by-both', rule: mine });
    } else {
      added.set(ref, mine);
    }
  }

  for (const ref of old.removed) {
    const now = fresh.baseRows.get(ref);
    if (!now) continue;
    removed.add(ref);
    const before = old.baseRows.get(ref);
    if (before && !sameAllowed(before, now)) notices.push({ kind: 'removed-row-changed', rule: now });
  }

  const enabled = old.enabled === undefined || old.enabled === newer.enabled ? undefined : old.enabled;
  return { draft: { ...fresh, enabled, cells, added, removed }, notices };
}

function wantedAllowed(rule: Rule, rowCells: ReadonlyMap<string, boolean>): Set<string> {
  const allowed = new Set(rule.allowed);
  for (const [key, checked] of rowCells) {
    if (checked) allowed.add(key);
    else allowed.delete(key);
  }
  return allowed;
}

function cellsDifferingFrom(rule: Rule, wanted: ReadonlySet<string>, keys: readonly string[]): Map<string, boolean> {
  const saved = new Set(rule.allowed);
  const differing = new Map<string, boolean>();
  for (const key of keys) {
    if (saved.has(key) !== wanted.has(key)) differing.set(key, wanted.has(key));
  }
  return differing;
}

function knownScriptsOnly(rule: Rule, keys: readonly string[]): Rule {
  return { ...rule, allowed: inScriptOrder(rule.allowed, keys) };
}

function sameAllowed(a: Rule, b: Rule): boolean {
  if (a.allowed.length !== b.allowed.length) return false;
  const set = new Set(a.allowed);
  return b.allowed.every((key) => set.has(key));
}
