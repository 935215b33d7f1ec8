import { useCallback, useMemo, useRef, useState } from 'react';
import type { ResolverError } from '../../../shared/resolverResult';
import { saveConfig } from '../adminApi';
import { completeConfig, loadConfig } from '../loadConfig';
import type { AdminConfig, Rule } from '../types';
import { rebaseDraft, type RebaseNotice } from './draftRebase';
import { describeConflict, readConflictDetails } from './conflictText';
import * as drafts from './ruleDraft';
import type { RuleRef } from './ruleOrder';
import { describeRefusedField, saveRequestFor } from './saveRequest';

/** What the last save or reload did, for the message under the save bar. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'nothing-to-save' }
  | { kind: 'conflict'; message: string }
  | { kind: 'refused'; message: string; where?: string }
  | { kind: 'failed'; error: ResolverError }
  | { kind: 'reloading' }
  | { kind: 'reload-failed'; error: ResolverError }
  | { kind: 'reloaded'; version: number; keptEdits: boolean; notices: RebaseNotice[] };

export interface RuleEditor {
  draft: drafts.RuleDraft;
  /** The table as edited, in canonical order. */
  rules: Rule[];
  enabled: boolean;
  dirty: boolean;
  status: SaveStatus;
  setEnabled(enabled: boolean): void;
  setCell(ref: RuleRef, scriptKey: string, checked: boolean): void;
  addRules(subjects: readonly Omit<Rule, 'allowed'>[]): { added: Rule[]; skipped: Omit<Rule, 'allowed'>[] };
  removeRule(ref: RuleRef): void;
  discard(): void;
  save(): Promise<void>;
  /** After a CONFLICT: load the newer save and re-apply the admin's edits on top of it. */
  reloadKeepingEdits(): Promise<void>;
  /** Replaces the saved configuration outright (after an import); only call without unsaved edits. */
  replaceConfig(config: AdminConfig): void;
}

/** The rule table's unsaved edits, and saving them with the version they were made against. */
export function useRuleEditor(initial: AdminConfig): RuleEditor {
  const [draft, setDraft] = useState(() => drafts.startDraft(initial));
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  // Every change goes through `update`, which keeps this in step with `draft`.
  const draftRef = useRef(draft);

  const update = useCallback((change: (draft: drafts.RuleDraft) => drafts.RuleDraft) => {
    setDraft((current) => {
      const next = change(current);
      draftRef.current = next;
      return next;
    });
  }, []);

  const setEnabled = useCallback((enabled: boolean) => update((d) => drafts.setEnabled(d, enabled)), [update]);
  const setCell = useCallback(
    (ref: RuleRef, scriptKey: string, checked: boolean) => update((d) => drafts.setCell(d, ref, scriptKey, checked)),
    [update],
  );
  const removeRule = useCallback((ref: RuleRef) => update((d) => drafts.removeRule(d, ref)), [update]);
  const addRules = useCallback(
    (subjects: readonly Omit<Rule, 'allowed'>[]) => {
      const result = drafts.addRules(draftRef.current, subjects);
      update(() => result.draft);
      return { added: result.added, skipped: result.skipped };
    },
    [update],
  );
  const discard = useCallback(() => {
    update((d) => drafts.startDraft(d.base));
    setStatus({ kind: 'idle' });
  }, [update]);
  const replaceConfig = useCallback(
    (config: AdminConfig) => {
      update(() => drafts.startDraft(config));
      setStatus({ kind: 'idle' });
    },
    [update],
  );

  const save = useCallback(async () => {
    const sent = draftRef.current;
    if (!drafts.isDirty(sent)) {
      setStatus({ kind: 'nothing-to-save' });
      return;
    }
    const request = saveRequestFor(sent);
    setStatus({ kind: 'saving' });
    const result = await saveConfig(request);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'CONFLICT') {
        setStatus({ kind: 'conflict', message: describeConflict(readConflictDetails(error.details), error.message) });
      } else if (error.code === 'BAD_REQUEST') {
        setStatus({ kind: 'refused', message: error.message, where: describeRefusedField(error.field, request) });
      } else {
        setStatus({ kind: 'failed', error });
      }
      return;
    }
    let saved = await completeConfig(result.data);
    if (!saved.ok) saved = await loadConfig();
    if (!saved.ok) {
      setStatus({ kind: 'reload-failed', error: saved.error });
      return;
    }
    const savedConfig = saved.data;
    // Edits made while the save was under way stay; the saved ones dissolve into the new base.
    update((current) => rebaseDraft(current, savedConfig).draft);
    setStatus({ kind: 'saved', version: savedConfig.version });
  }, [update]);

  const reloadKeepingEdits = useCallback(async () => {
    setStatus({ kind: 'reloading' });
    const latest = await loadConfig();
    if (!latest.ok) {
      setStatus({ kind: 'reload-failed', error: latest.error });
      return;
    }
    const rebased = rebaseDraft(draftRef.current, latest.data);
    update(() => rebased.draft);
    setStatus({
      kind: 'reloaded',
      version: latest.data.version,
      keptEdits: drafts.isDirty(rebased.draft),
      notices: rebased.notices,
    });
  }, [update]);

  const rules = useMemo(() => drafts.currentRules(draft), [draft]);
  return {
    draft,
    rules,
    enabled: drafts.isEnabled(draft),
    dirty: drafts.isDirty(draft),
    status,
    setEnabled,
    setCell,
    addRules,
    removeRule,
    discard,
    save,
    reloadKeepingEdits,
    replaceConfig,
  };
}
