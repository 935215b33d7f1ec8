/**
 * The admin's unsaved edits to the rule table, kept apart from the saved
 * configuration they were made against (`base`). Edits are recorded per
 * checkbox, not per row, so they can be re-applied on top of someone else's
 * newer save without undoing that save's other cells (see draftRebase.ts).
 *
 * Pure and immutable: every operation returns a new draft. No DOM, no React.
 */
import { compareRules, GLOBAL_REF, inScriptOrder, ruleRef, type RuleRef } from './ruleOrder';
import type { AdminConfig, Rule } from '../types';

export interface RuleDraft {
  /** The saved configuration the edits apply to; its version goes with the save. */
  readonly base: AdminConfig;
  readonly baseRows: ReadonlyMap<RuleRef, Rule>;
  /** Column order. */
  readonly scriptKeys: readonly string[];
  /** The toggle the admin chose, when it differs from `base.enabled`. */
  readonly enabled: boolean | undefined;
  /** For saved rows: the checkboxes the admin changed (script key -> checked). */
  readonly cells: ReadonlyMap<RuleRef, ReadonlyMap<string, boolean>>;
  /** Rows the admin added, not yet saved. */
  readonly added: ReadonlyMap<RuleRef, Rule>;
  /** Saved rows the admin removed. */
  readonly removed: ReadonlySet<RuleRef>;
}

export type RuleStatus = 'saved' | 'edited' | 'added';

export function startDraft(base: AdminConfig): RuleDraft {
  return {
    base,
    baseRows: new Map(base.rows.map((rule) => [ruleRef(rule), rule])),
    scriptKeys: base.scripts.map((script) => script.key),
    enabled: undefined,
    cells: new Map(),
    added: new Map(),
    removed: new Set(),
  };
}

export function isEnabled(draft: RuleDraft): boolean {
  return draft.enabled ?? draft.base.enabled;
}

export function setEnabled(draft: RuleDraft, enabled: boolean): RuleDraft {
  return { ...draft, enabled: enabled === draft.base.enabled ? undefined : enabled };
}

/** Checks or unchecks one script for one row of the current table. Unknown rows are left alone. */
export function setCell(draft: RuleDraft, ref: RuleRef, scriptKey: string, checked: boolean): RuleDraft {
  const addedRule = draft.added.get(ref);
  if (addedRule) {
    const allowed = new Set(addedRule.allowed);
    if (checked) allowed.add(scriptKey);
    else allowed.delete(scriptKey);
    const added = new Map(draft.added);
    added.set(ref, { ...addedRule, allowed: inScriptOrder(allowed, draft.scriptKeys) });
    return { ...draft, added };
  }
  const baseRule = draft.baseRows.get(ref);
  if (!baseRule || draft.removed.has(ref)) return draft;
  const rowCells = new Map(draft.cells.get(ref));
  if (baseRule.allowed.includes(scriptKey) === checked) rowCells.delete(scriptKey);
  else rowCells.set(scriptKey, checked);
  const cells = new Map(draft.cells);
  if (rowCells.size === 0) cells.delete(ref);
  else cells.set(ref, rowCells);
  return { ...draft, cells };
}

/** Whether a row is in the current (edited) table. */
export function hasRule(draft: RuleDraft, ref: RuleRef): boolean {
  return draft.added.has(ref) || (draft.baseRows.has(ref) && !draft.removed.has(ref));
}

/**
 * Adds rows with every script unchecked. A subject already in the table is
 * not added twice: it is returned in `skipped`. A saved row the admin had
 * removed comes back, unchecked.
 */
export function addRules(
  draft: RuleDraft,
  subjects: readonly Omit<Rule, 'allowed'>[],
): { draft: RuleDraft; added: Rule[]; skipped: Omit<Rule, 'allowed'>[] } {
  const added = new Map(draft.added);
  const removed = new Set(draft.removed);
  const cells = new Map(draft.cells);
  const done: Rule[] = [];
  const skipped: Omit<Rule, 'allowed'>[] = [];
  for (const subject of subjects) {
    const ref = ruleRef(subject);
    const inTable = added.has(ref) || (draft.baseRows.has(ref) && !removed.has(ref));
    if (subject.type === 'global' || inTable) {
      skipped.push(subject);
      continue;
    }
    const rule: Rule = { ...withoutUndefinedKey(subject), allowed: [] };
    const saved = draft.baseRows.get(ref);
    if (saved) {
      removed.delete(ref);
      const uncheck = new Map(saved.allowed.map((key) => [key, false] as const));
      if (uncheck.size > 0) cells.set(ref, uncheck);
      else cells.delete(ref);
    } else {
      added.set(ref, rule);
    }
    done.push(rule);
  }
  return { draft: { ...draft, added, removed, cells }, added: done, skipped };
}

/** Removes a row from the current table. Global cannot be removed. */
export function removeRule(draft: RuleDraft, ref: RuleRef): RuleDraft {
  if (ref === GLOBAL_REF) return draft;
  if (draft.added.has(ref)) {
    const added = new Map(draft.added);
    added.delete(ref);
    return { ...draft, added };
  }
  if (!draft.baseRows.has(ref) || draft.removed.has(ref)) return draft;
  const removed = new Set(draft.removed);
  removed.add(ref);
  const cells = new Map(draft.cells);
  cells.delete(ref);
  return { ...draft, removed, cells };
}

/** A saved row with the admin's checkbox edits applied (the same object when unedited). */
export function editedRule(draft: RuleDraft, rule: Rule): Rule {
  const rowCells = draft.cells.get(ruleRef(rule));
  if (!rowCells) return rule;
  const allowed = new Set(rule.allowed);
  for (const [key, checked] of rowCells) {
    if (checked) allowed.add(key);
    else allowed.delete(key);
  }
  return { ...rule, allowed: inScriptOrder(allowed, draft.scriptKeys) };
}

/** The table as the admin sees it: saved rows with edits, minus removed, plus added, in canonical order. */
export function currentRules(draft: RuleDraft): Rule[] {
  const rules: Rule[] = [];
  for (const rule of draft.base.rows) {
    if (!draft.removed.has(ruleRef(rule))) rules.push(editedRule(draft, rule));
  }
  if (draft.added.size === 0) return rules;
  return [...rules, ...draft.added.values()].sort(compareRules);
}

export function ruleStatus(draft: RuleDraft, ref: RuleRef): RuleStatus {
  if (draft.added.has(ref)) return 'added';
  return draft.cells.has(ref) ? 'edited' : 'saved';
}

export interface EditCounts {
  toggled: boolean;
  added: number;
  removed: number;
  changed: number;
}

export function editCounts(draft: RuleDraft): EditCounts {
  return {
    toggled: draft.enabled !== undefined,
    added: draft.added.size,
    removed: draft.removed.size,
    changed: draft.cells.size,
  };
}

export function isDirty(draft: RuleDraft): boolean {
  return draft.enabled !== undefined || draft.added.size > 0 || draft.removed.size > 0 || draft.cells.size > 0;
}

function withoutUndefinedKey(subject: Omit<Rule, 'allowed'>): Omit<Rule, 'allowed'> {
  const { type, id, name, key } = subject;
  return key === undefined ? { type, id, name } : { type, id, name, key };
}
