import { copyPreviewItems, copyWarnings, planTitles, SAME_SPACE_PREFIX } from '../../../src/scripts/tree/copy-plan';
import { deleteFailures, deletePreviewItems, deleteSummary, planDeletion } from '../../../src/scripts/tree/delete-plan';
import { describeMessage, doneFromPercentage, taskNotes } from '../../../src/scripts/tree/long-task-words';
import { TreeNode } from '../../../src/scripts/tree/order';

const nodes: TreeNode[] = [
  { id: '1', title: 'Handbook', parentId: null, depth: 0 },
  { id: '2', title: 'Leave', parentId: '1', depth: 1 },
  { id: '3', title: 'Sick leave', parentId: '2', depth: 2 },
];

describe('Delete Page Tree plan', () => {
  it('previews every page with its depth and says it can be restored', () => {
    const items = deletePreviewItems(nodes, 50);
    expect(items.map((i) => [i.title, i.depth, i.action])).toEqual([
      ['Handbook', 0, 'move to the trash'],
      ['Leave', 1, 'move to the trash'],
      ['Sick leave', 2, 'move to the trash'],
    ]);
    expect(deletePreviewItems(nodes, 2)).toHaveLength(2);
    expect(deleteSummary(nodes)).toMatch(/“Handbook” and its 2 descendant pages to the trash/);
  });

  it('reports each page still current, with the reason a message gives for its title', () => {
    const notes = taskNotes([{ key: 'WARN_IGNORE_DELETE_PAGE', args: ['Sick leave'] }]);
    expect(deleteFailures(nodes, new Set(['3']), notes)).toEqual([
      { itemId: '3', title: 'Sick leave', reason: '“Sick leave” was not deleted: it is restricted.' },
    ]);
    expect(deleteFailures(nodes, new Set(['2']), [])[0]!.reason).toMatch(/restricted/);
    expect(deleteFailures(nodes, new Set(), notes)).toEqual([]);
  });
});

describe('Copy Page Tree plan', () => {
  it('prefixes every title and flags the ones already taken in the destination', () => {
    const plan = planTitles(nodes, {
      titlePrefix: 'Old ',
      sameSpace: false,
      destinationTitles: new Set(['old leave']),
    });
    expect([...plan.titles.values()]).toEqual(['Old Handbook', 'Old Leave', 'Old Sick leave']);
    expect(plan.clashes.map((n) => n.id)).toEqual(['2']);
    const items = copyPreviewItems(nodes, plan, 'Archive', 50);
    expect(items[0]!.action).toBe('copy under “Archive” as “Old Handbook”');
    expect(items[1]!.action).toMatch(/title is taken: Confluence will rename it/);
    expect(copyWarnings(plan, false)).toEqual([
      '1 planned title is already taken in the destination space (“Old Leave”): Confluence will rename it.',
    ]);
  });

  it('uses “Copy of ” in the same space when no prefix is given, and every title of the space counts', () => {
    const plan = planTitles(nodes, { sameSpace: true, destinationTitles: new Set(['Handbook']) });
    expect(plan.prefix).toBe(SAME_SPACE_PREFIX);
    expect(plan.clashes).toEqual([]);
    expect(
      planTitles(nodes, { sameSpace: true, destinationTitles: new Set(['Handbook']), titlePrefix: '' }).prefix,
    ).toBe(SAME_SPACE_PREFIX);
    expect(planTitles(nodes, { sameSpace: false, destinationTitles: new Set(['Handbook']) }).clashes).toHaveLength(1);
  });
});

describe('long task messages in plain words', () => {
  it('uses the translation when Confluence sends one, else words for the key', () => {
    expect(describeMessage({ key: 'WARN_RENAME_PAGE', translation: 'Page renamed', args: [] }).text).toBe(
      'Page renamed',
    );
    expect(describeMessage({ key: 'WARN_RENAME_PAGE', args: ['Leave', 'Leave (1)'] })).toEqual({
      kind: 'warning',
      key: 'WARN_RENAME_PAGE',
      pageTitle: 'Leave',
      args: ['Leave', 'Leave (1)'],
      text: '“Leave” was copied as “Leave (1)”: a page with that title already exists in the destination space.',
    });
    expect(describeMessage({ key: 'WARN_IGNORE_COPY_PERMISSION', args: [{ title: 'Pay' }] }).text).toBe(
      'Restrictions on “Pay” were not copied.',
    );
    expect(describeMessage({ key: 'ERROR_COPY_PAGE', args: ['X'] }).kind).toBe('error');
  });

  it('drops status messages and repeats', () => {
    const notes = taskNotes(
      [
        { key: 'STATUS_COPYING_PAGES', args: [] },
        { key: 'WARN_IGNORE_COPY_PERMISSION', args: ['Pay'] },
        { key: 'WARN_IGNORE_COPY_PERMISSION', args: ['Pay'] },
      ],
      [{ key: 'ERROR_RELINK', args: [] }],
    );
    expect(notes.map((n) => n.key)).toEqual(['WARN_IGNORE_COPY_PERMISSION', 'ERROR_RELINK']);
  });

  it('turns a percentage into items done, clamped', () => {
    expect(doneFromPercentage(50, 7)).toBe(3);
    expect(doneFromPercentage(100, 7)).toBe(7);
    expect(doneFromPercentage(140, 7)).toBe(7);
    expect(doneFromPercentage(-3, 7)).toBe(0);
  });
});

describe('Delete Page Tree: which subtrees one long task may delete', () => {
  const tree: TreeNode[] = [
    { id: 'r', title: 'Root', parentId: null, depth: 0 },
    { id: 'a', title: 'A', parentId: 'r', depth: 1 },
    { id: 'a1', title: 'A1', parentId: 'a', depth: 2 },
    { id: 'a2', title: 'A2', parentId: 'a', depth: 2 },
    { id: 'b', title: 'B', parentId: 'r', depth: 1 },
    { id: 'b1', title: 'B1', parentId: 'b', depth: 2 },
  ];

  it('is one task on the root when nothing is refused', () => {
    const plan = planDeletion(tree, new Map());
    expect([...plan.values()].every((p) => p.kind === 'in-task' && p.root === 'r')).toBe(true);
  });

  it('keeps a refused page and its ancestors, and deletes the clean subtrees beside and below it', () => {
    const plan = planDeletion(tree, new Map([['a1', 'restricted']]));
    expect(Object.fromEntries(plan)).toEqual({
      r: { kind: 'kept', below: 'A1' },
      a: { kind: 'kept', below: 'A1' },
      a1: { kind: 'refused', reason: 'restricted' },
      a2: { kind: 'in-task', root: 'a2' },
      b: { kind: 'in-task', root: 'b' },
      b1: { kind: 'in-task', root: 'b' },
    });
  });

  it('matches task messages to pages by id or title', () => {
    const notes = taskNotes([
      { key: 'WARN_IGNORE_DELETE_PAGE', translation: 'Page "A2" was not deleted', args: ['a2', 'A2'] },
    ]);
    expect(deleteFailures(tree, new Set(['a2']), notes)).toEqual([
      { itemId: 'a2', title: 'A2', reason: 'Page "A2" was not deleted' },
    ]);
  });
});
