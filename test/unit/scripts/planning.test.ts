import fc from 'fast-check';
import { attachmentMatch } from '../../../src/scripts/bulk-delete-attachments';
import { commentMatch } from '../../../src/scripts/bulk-delete-comments';
import { describeLabelChange, labelPlan, pageLabelChange } from '../../../src/scripts/bulk-labels';
import { trashMatch } from '../../../src/scripts/bulk-purge-trash';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 86_400_000).toISOString();
const target = { type: 'space' as const };

describe('labelPlan and pageLabelChange', () => {
  it('folds to lower case, drops repeats, and a label in both lists is only removed', () => {
    expect(labelPlan({ add: ['A', 'a', 'b'], remove: ['B', 'c'] })).toEqual({
      add: ['a'],
      remove: ['b', 'c'],
      both: ['b'],
    });
  });

  it('changes only what differs on the page', () => {
    const plan = { add: ['a', 'b'], remove: ['c', 'd'] };
    expect(pageLabelChange(['b', 'c'], plan)).toEqual({ add: ['a'], remove: ['c'] });
    expect(describeLabelChange(pageLabelChange(['a', 'b'], plan))).toBe('nothing to change (already so)');
  });

  it('applying the change gives the same labels as applying the plan, and a second change is empty', () => {
    const label = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(label), fc.array(label), fc.array(label), (current, add, remove) => {
        const plan = labelPlan({ add, remove });
        const change = pageLabelChange(current, plan);
        const after = new Set<string>(current);
        change.add.forEach((l) => after.add(l));
        change.remove.forEach((l) => after.delete(l));
        for (const l of plan.add) expect(after.has(l)).toBe(true);
        for (const l of plan.remove) expect(after.has(l)).toBe(false);
        expect(pageLabelChange([...after], plan)).toEqual({ add: [], remove: [] });
      }),
    );
  });
});

describe('commentMatch', () => {
  const comment = { id: '1', kind: 'footer' as const, authorId: 'u-bob', createdAt: daysAgo(400) };

  it('says why a comment matches', () => {
    expect(commentMatch(comment, { target, olderThanDays: 365 }, NOW)).toBe('footer comment, by u-bob, 400 days old');
  });

  it('names the author by display name when one is known', () => {
    const names = new Map([['u-bob', 'Bob Smith']]);
    expect(commentMatch(comment, { target }, NOW, names)).toBe('footer comment, by Bob Smith, 400 days old');
    expect(commentMatch({ ...comment, authorId: 'u-sam' }, { target }, NOW, names)).toBe(
      'footer comment, by u-sam, 400 days old',
    );
  });

  it('keeps to kinds, authors and age', () => {
    expect(commentMatch(comment, { target, kinds: ['inline'] }, NOW)).toBeUndefined();
    expect(commentMatch(comment, { target, authorAccountIds: ['u-sam'] }, NOW)).toBeUndefined();
    expect(commentMatch(comment, { target, olderThanDays: 400 }, NOW)).toBeUndefined();
    expect(commentMatch({ ...comment, createdAt: undefined }, { target, olderThanDays: 1 }, NOW)).toBeUndefined();
  });
});

describe('attachmentMatch', () => {
  const attachment = { id: 'att1', title: 'Logo.PNG', mediaType: 'image/png', fileSize: 5000, createdAt: daysAgo(30) };

  it('matches the glob without regard to case, and the other filters', () => {
    expect(attachmentMatch(attachment, { target, fileNamePattern: '*.png' }, NOW)).toBe('name matches *.png');
    expect(attachmentMatch(attachment, { target, mediaTypes: ['IMAGE/PNG'], minSizeBytes: 5000 }, NOW)).toBe(
      'image/png, 5000 bytes',
    );
    expect(attachmentMatch(attachment, { target, fileNamePattern: 'report-*' }, NOW)).toBeUndefined();
    expect(attachmentMatch(attachment, { target, olderThanDays: 30 }, NOW)).toBeUndefined();
    expect(attachmentMatch(attachment, { target, minSizeBytes: 5001 }, NOW)).toBeUndefined();
  });
});

describe('trashMatch', () => {
  it('ages trashed content from when it last changed (trashed), and keeps to the types', () => {
    const item = { createdAt: daysAgo(900), version: { createdAt: daysAgo(10) } };
    expect(trashMatch('page', item, { olderThanDays: 5 }, NOW)).toBe('trashed page, 10 days since it changed');
    expect(trashMatch('page', item, { olderThanDays: 10 }, NOW)).toBeUndefined();
    expect(trashMatch('blogpost', item, { types: ['page'] }, NOW)).toBeUndefined();
  });
});
