import { rebaseDraft } from '../../../static/admin-page/src/rules/draftRebase';
import {
  addRules,
  currentRules,
  editCounts,
  hasRule,
  isDirty,
  isEnabled,
  removeRule,
  ruleStatus,
  setCell,
  setEnabled,
  startDraft,
} from '../../../static/admin-page/src/rules/ruleDraft';
import { compareRules, GLOBAL_REF } from '../../../static/admin-page/src/rules/ruleOrder';
import { describeRefusedField, saveRequestFor } from '../../../static/admin-page/src/rules/saveRequest';
import type { AdminConfig, Rule } from '../../../static/admin-page/src/types';

const SCRIPTS = ['a', 'b', 'c'].map((key) => ({ key, name: key.toUpperCase(), description: `does ${key}` }));

function config(rows: Rule[], extra: Partial<AdminConfig> = {}): AdminConfig {
  return {
    enabled: false,
    version: 3,
    scripts: SCRIPTS,
    newScripts: [],
    rows: [{ type: 'global', id: 'global', name: 'Global', allowed: ['a', 'b', 'c'] }, ...rows],
    totalRows: rows.length + 1,
    ...extra,
  };
}

const power: Rule = { type: 'group', id: 'g-power', name: 'power-users', allowed: ['a'] };
const marketing: Rule = { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: [] };
const bob: Rule = { type: 'user', id: 'u-bob', name: 'Bob Smith', allowed: ['b'] };

describe('rule draft', () => {
  it('starts clean and shows the saved table', () => {
    const draft = startDraft(config([marketing, power]));
    expect(isDirty(draft)).toBe(false);
    expect(currentRules(draft).map((r) => r.id)).toEqual(['global', '1001', 'g-power']);
    expect(saveRequestFor(draft)).toEqual({ expectedVersion: 3 });
  });

  it('records a checkbox edit, and forgets it when set back', () => {
    let draft = setCell(startDraft(config([power])), 'group:g-power', 'c', true);
    expect(currentRules(draft).find((r) => r.id === 'g-power')?.allowed).toEqual(['a', 'c']);
    expect(ruleStatus(draft, 'group:g-power')).toBe('edited');
    expect(editCounts(draft)).toEqual({ toggled: false, added: 0, removed: 0, changed: 1 });
    draft = setCell(draft, 'group:g-power', 'c', false);
    expect(isDirty(draft)).toBe(false);
    expect(ruleStatus(draft, 'group:g-power')).toBe('saved');
  });

  it('keeps allowed keys in column order whatever order they were checked in', () => {
    let draft = setCell(startDraft(config([bob])), 'user:u-bob', 'c', true);
    draft = setCell(draft, 'user:u-bob', 'a', true);
    expect(currentRules(draft).find((r) => r.id === 'u-bob')?.allowed).toEqual(['a', 'b', 'c']);
  });

  it('toggles rules and forgets a toggle set back to the saved value', () => {
    let draft = setEnabled(startDraft(config([])), true);
    expect(isEnabled(draft)).toBe(true);
    expect(saveRequestFor(draft)).toEqual({ expectedVersion: 3, enabled: true });
    draft = setEnabled(draft, false);
    expect(isDirty(draft)).toBe(false);
  });

  it('adds rows unchecked, in canonical order, and never twice', () => {
    const first = addRules(startDraft(config([power])), [
      { type: 'user', id: 'u-ann', name: 'Ann' },
      { type: 'space', id: '1002', name: 'Human Resources', key: 'HR' },
      { type: 'group', id: 'g-power', name: 'power-users' },
    ]);
    expect(first.added.map((r) => r.id)).toEqual(['u-ann', '1002']);
    expect(first.skipped.map((r) => r.id)).toEqual(['g-power']);
    const rules = currentRules(first.draft);
    expect(rules.map((r) => r.id)).toEqual(['global', '1002', 'g-power', 'u-ann']);
    expect(rules.find((r) => r.id === '1002')).toEqual({
      type: 'space',
      id: '1002',
      name: 'Human Resources',
      key: 'HR',
      allowed: [],
    });
    const again = addRules(first.draft, [{ type: 'user', id: 'u-ann', name: 'Ann' }]);
    expect(again.added).toEqual([]);
    expect(again.skipped.map((r) => r.id)).toEqual(['u-ann']);
  });

  it('never adds or removes the Global row', () => {
    const draft = startDraft(config([]));
    expect(addRules(draft, [{ type: 'global', id: 'global', name: 'Global' }]).added).toEqual([]);
    expect(removeRule(draft, GLOBAL_REF)).toBe(draft);
  });

  it('removes a saved row (sending its type and id) and drops an unsaved one', () => {
    let draft = removeRule(startDraft(config([power, bob])), 'group:g-power');
    expect(hasRule(draft, 'group:g-power')).toBe(false);
    draft = addRules(draft, [{ type: 'user', id: 'u-ann', name: 'Ann' }]).draft;
    draft = removeRule(draft, 'user:u-ann');
    expect(currentRules(draft).map((r) => r.id)).toEqual(['global', 'u-bob']);
    expect(saveRequestFor(draft)).toEqual({ expectedVersion: 3, remove: [{ type: 'group', id: 'g-power' }] });
  });

  it('brings a removed saved row back unchecked when it is added again', () => {
    let draft = removeRule(startDraft(config([power])), 'group:g-power');
    draft = addRules(draft, [{ type: 'group', id: 'g-power', name: 'power-users' }]).draft;
    expect(currentRules(draft).find((r) => r.id === 'g-power')?.allowed).toEqual([]);
    expect(saveRequestFor(draft)).toEqual({
      expectedVersion: 3,
      upsert: [{ type: 'group', id: 'g-power', name: 'power-users', allowed: [] }],
    });
  });

  it('sends only what changed: edited and added rows whole (space key kept), removed rows by id', () => {
    let draft = startDraft(config([marketing, power, bob]));
    draft = setCell(draft, 'space:1001', 'a', true);
    draft = addRules(draft, [{ type: 'user', id: 'u-ann', name: 'Ann' }]).draft;
    draft = setCell(draft, 'user:u-ann', 'b', true);
    draft = removeRule(draft, 'user:u-bob');
    draft = setEnabled(draft, true);
    expect(saveRequestFor(draft)).toEqual({
      expectedVersion: 3,
      enabled: true,
      upsert: [
        { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: ['a'] },
        { type: 'user', id: 'u-ann', name: 'Ann', allowed: ['b'] },
      ],
      remove: [{ type: 'user', id: 'u-bob' }],
    });
  });

  it('names the row a refused field points at', () => {
    const request = {
      expectedVersion: 1,
      upsert: [{ type: 'group' as const, id: 'g-x', name: 'x-team', allowed: ['zz'] }],
    };
    expect(describeRefusedField('upsert[0].allowed[0]', request)).toBe('the row for x-team');
    expect(describeRefusedField('upsert[5].id', request)).toBeUndefined();
    expect(describeRefusedField(undefined, request)).toBeUndefined();
    expect(describeRefusedField('enabled', request)).toBe('the rules toggle');
  });

  it('orders rows as the server does: type, then name case-insensitively, then exactly, then id', () => {
    const rows: Rule[] = [
      { type: 'user', id: '2', name: 'b', allowed: [] },
      { type: 'user', id: '1', name: 'B', allowed: [] },
      { type: 'group', id: '9', name: 'z', allowed: [] },
      { type: 'user', id: '0', name: 'a', allowed: [] },
      { type: 'user', id: '3', name: 'B', allowed: [] },
    ];
    expect([...rows].sort(compareRules).map((r) => r.id)).toEqual(['9', '0', '1', '3', '2']);
  });
});

describe('rebasing edits onto a newer save', () => {
  it('re-applies checkbox edits without undoing the other admin’s changes to the same row', () => {
    const old = setCell(startDraft(config([power])), 'group:g-power', 'b', true);
    // The other admin checked c on the same row and saved.
    const newer = config([{ ...power, allowed: ['a', 'c'] }], { version: 4 });
    const { draft, notices } = rebaseDraft(old, newer);
    expect(notices).toEqual([]);
    expect(draft.base.version).toBe(4);
    expect(currentRules(draft).find((r) => r.id === 'g-power')?.allowed).toEqual(['a', 'b', 'c']);
    expect(saveRequestFor(draft)).toEqual({
      expectedVersion: 4,
      upsert: [{ type: 'group', id: 'g-power', name: 'power-users', allowed: ['a', 'b', 'c'] }],
    });
  });

  it('drops edits the newer save already made', () => {
    const old = setEnabled(setCell(startDraft(config([power])), 'group:g-power', 'b', true), true);
    const { draft } = rebaseDraft(old, config([{ ...power, allowed: ['a', 'b'] }], { version: 4, enabled: true }));
    expect(isDirty(draft)).toBe(false);
  });

  it('keeps added rows, and reports rows both admins added', () => {
    let old = startDraft(config([]));
    old = addRules(old, [
      { type: 'user', id: 'u-ann', name: 'Ann' },
      { type: 'group', id: 'g-power', name: 'power-users' },
    ]).draft;
    old = setCell(old, 'group:g-power', 'b', true);
    const { draft, notices } = rebaseDraft(old, config([power], { version: 4 }));
    expect(notices).toEqual([
      { kind: 'added-by-both', rule: { type: 'group', id: 'g-power', name: 'power-users', allowed: ['b'] } },
    ]);
    expect(currentRules(draft).map((r) => [r.id, r.allowed])).toEqual([
      ['global', ['a', 'b', 'c']],
      ['g-power', ['b']],
      ['u-ann', []],
    ]);
  });

  it('brings back a row the other admin removed when this admin had edited it, and says so', () => {
    const old = setCell(startDraft(config([power])), 'group:g-power', 'c', true);
    const { draft, notices } = rebaseDraft(old, config([], { version: 4 }));
    expect(notices.map((n) => n.kind)).toEqual(['edited-row-removed']);
    expect(ruleStatus(draft, 'group:g-power')).toBe('added');
    expect(currentRules(draft).find((r) => r.id === 'g-power')?.allowed).toEqual(['a', 'c']);
  });

  it('keeps a removal, reporting when the other admin had changed that row', () => {
    const old = removeRule(startDraft(config([power, bob])), 'group:g-power');
    const { draft, notices } = rebaseDraft(old, config([{ ...power, allowed: [] }, bob], { version: 4 }));
    expect(notices.map((n) => n.kind)).toEqual(['removed-row-changed']);
    expect(saveRequestFor(draft).remove).toEqual([{ type: 'group', id: 'g-power' }]);
    const gone = rebaseDraft(old, config([bob], { version: 5 }));
    expect(isDirty(gone.draft)).toBe(false);
  });
});
