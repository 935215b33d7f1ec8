import {
  describeChange,
  describeSummary,
  ruleLabel,
  scriptNamesFrom,
  summarise,
} from '../../../static/admin-page/src/audit/changeText';
import type { Change } from '../../../static/admin-page/src/audit/changeTypes';
import { describeRebaseNotice } from '../../../static/admin-page/src/rules/rebaseNoticeText';
import { describeEdits } from '../../../static/admin-page/src/rules/editSummaryText';

const names = scriptNamesFrom([
  { key: 'copy-space', name: 'Copy Space', description: '' },
  { key: 'bulk-purge-trash', name: 'Bulk Purge Trash', description: '' },
]);

describe('changes in words', () => {
  it('describes each kind of change, script keys by name', () => {
    const changes: Change[] = [
      { kind: 'toggle', from: false, to: true },
      {
        kind: 'row-added',
        type: 'group',
        id: 'g-power',
        name: 'power-users',
        allowed: ['copy-space', 'bulk-purge-trash'],
      },
      { kind: 'row-added', type: 'user', id: 'u-bob', name: 'Bob', allowed: [] },
      { kind: 'row-removed', type: 'space', id: '1001', name: 'Marketing' },
      {
        kind: 'row-changed',
        type: 'global',
        id: 'global',
        name: 'Global',
        added: ['copy-space'],
        removed: ['gone-script'],
      },
    ];
    expect(changes.map((c) => describeChange(c, names))).toEqual([
      'Turned rules on',
      'Added the group rule for power-users, allowing Copy Space and Bulk Purge Trash',
      'Added the user rule for Bob, allowing no scripts',
      'Removed the space rule for Marketing',
      'Changed the Global rule: now allows Copy Space; now restricts gone-script',
    ]);
    expect(changes.map((c) => describeChange(c, names, 'planned'))).toEqual([
      'Turn rules on',
      'Add the group rule for power-users, allowing Copy Space and Bulk Purge Trash',
      'Add the user rule for Bob, allowing no scripts',
      'Remove the space rule for Marketing',
      'Change the Global rule: allow Copy Space; restrict gone-script',
    ]);
  });

  it('summarises counts the way the audit log does', () => {
    const summary = summarise([
      { kind: 'toggle', from: true, to: false },
      { kind: 'row-added', type: 'user', id: 'a', name: 'A', allowed: [] },
      { kind: 'row-added', type: 'user', id: 'b', name: 'B', allowed: [] },
      { kind: 'row-changed', type: 'user', id: 'c', name: 'C', added: [], removed: ['copy-space'] },
    ]);
    expect(summary).toEqual({ toggle: { from: true, to: false }, added: 2, removed: 0, changed: 1 });
    expect(describeSummary(summary)).toBe('Turned rules off, added 2 rows and changed 1 row');
    expect(describeSummary(summary, 'planned')).toBe('Turn rules off, add 2 rows and change 1 row');
    expect(describeSummary({ added: 0, removed: 0, changed: 0 })).toBe('No changes');
    expect(describeSummary({ added: 0, removed: 12000, changed: 0 })).toBe('Removed 12,000 rows');
  });

  it('labels rules by name, or by id when the name is blank', () => {
    expect(ruleLabel('group', '  ', 'g-1')).toBe('the group rule for g-1');
    expect(ruleLabel('global', 'Global', 'global')).toBe('the Global rule');
  });

  it('says what is unsaved', () => {
    expect(describeEdits({ toggled: false, added: 0, removed: 0, changed: 0 }, false)).toBe('No unsaved changes');
    expect(describeEdits({ toggled: true, added: 1, removed: 2, changed: 3 }, true)).toBe(
      'Unsaved: rules turned on, 1 row added, 2 rows removed and 3 rows changed',
    );
  });

  it('explains what a reload after a conflict did to overlapping rows', () => {
    const rule = { type: 'group' as const, id: 'g-power', name: 'power-users', allowed: [] };
    expect(describeRebaseNotice({ kind: 'edited-row-removed', rule })).toMatch(
      /^The other save removed the group rule for power-users, which you had changed/,
    );
    expect(describeRebaseNotice({ kind: 'added-by-both', rule })).toBe(
      'The other save also added the group rule for power-users: your checkboxes are applied to it.',
    );
    expect(describeRebaseNotice({ kind: 'removed-row-changed', rule })).toMatch(/it will still be removed/);
  });
});
