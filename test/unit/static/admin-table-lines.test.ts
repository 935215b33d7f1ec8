import { nextCell } from '../../../static/admin-page/src/rules/cellNavigation';
import { tableLines } from '../../../static/admin-page/src/rules/ruleSections';
import { scrollOffsetToReveal, visibleRange } from '../../../static/admin-page/src/rules/visibleRange';
import type { Rule } from '../../../static/admin-page/src/types';

const rules: Rule[] = [
  { type: 'global', id: 'global', name: 'Global', allowed: [] },
  { type: 'space', id: '1001', name: 'Marketing', key: 'MKT', allowed: [] },
  { type: 'group', id: 'g-power', name: 'power-users', allowed: [] },
  { type: 'group', id: 'g-probation', name: 'probation', allowed: [] },
];

describe('table lines', () => {
  it('puts each section under its heading, saying when one is empty', () => {
    const { lines, shown, total } = tableLines(rules, '');
    expect(lines.map((l) => (l.kind === 'rule' ? l.rule.id : `${l.kind}:${l.section.type}`))).toEqual([
      'heading:global',
      'global',
      'heading:space',
      '1001',
      'heading:group',
      'g-power',
      'g-probation',
      'heading:user',
      'empty:user',
    ]);
    expect(lines.at(-1)).toMatchObject({ kind: 'empty', text: 'No user rules.' });
    expect([shown, total]).toEqual([4, 4]);
  });

  it('filters by name, id or space key, case-insensitively, always keeping Global', () => {
    expect(
      tableLines(rules, 'PROB')
        .lines.filter((l) => l.kind === 'rule')
        .map((l) => (l.kind === 'rule' ? l.rule.id : '')),
    ).toEqual(['global', 'g-probation']);
    expect(tableLines(rules, 'mkt').shown).toBe(2);
    expect(tableLines(rules, 'g-power').shown).toBe(2);
    const none = tableLines(rules, 'zzz');
    expect(none.shown).toBe(1);
    expect(none.lines.find((l) => l.kind === 'empty' && l.section.type === 'space')).toMatchObject({
      text: 'No space rules match “zzz”.',
    });
  });

  it('filters a 10,000-row table by name', () => {
    const many: Rule[] = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'user',
      id: `u-${i}`,
      name: `Person ${i}`,
      allowed: [],
    }));
    const { shown, lines } = tableLines(many, 'person 999');
    expect(shown).toBe(11); // 999, 9990..9999
    // Four headings, three sections with no match (Global, Spaces, Groups), eleven rows.
    expect(lines.length).toBe(4 + 3 + 11);
  });
});

describe('visible range', () => {
  it('renders the lines in view plus overscan, clamped to the list', () => {
    expect(visibleRange({ scrollOffset: 0, viewportHeight: 400, lineHeight: 40, count: 10_000, overscan: 5 })).toEqual({
      start: 0,
      end: 15,
    });
    expect(
      visibleRange({ scrollOffset: 4000, viewportHeight: 400, lineHeight: 40, count: 10_000, overscan: 5 }),
    ).toEqual({ start: 95, end: 115 });
    expect(
      visibleRange({ scrollOffset: 399_900, viewportHeight: 400, lineHeight: 40, count: 10_000, overscan: 5 }),
    ).toEqual({ start: 9992, end: 10_000 });
    expect(visibleRange({ scrollOffset: 0, viewportHeight: 400, lineHeight: 40, count: 0, overscan: 5 })).toEqual({
      start: 0,
      end: 0,
    });
    expect(visibleRange({ scrollOffset: -50, viewportHeight: 0, lineHeight: 40, count: 3, overscan: 0 })).toEqual({
      start: 0,
      end: 1,
    });
  });

  it('scrolls just enough to reveal a line', () => {
    expect(scrollOffsetToReveal(5, { scrollOffset: 0, viewportHeight: 400, lineHeight: 40 })).toBeUndefined();
    expect(scrollOffsetToReveal(10, { scrollOffset: 0, viewportHeight: 400, lineHeight: 40 })).toBe(40);
    expect(scrollOffsetToReveal(2, { scrollOffset: 200, viewportHeight: 400, lineHeight: 40 })).toBe(80);
  });
});

describe('moving between checkboxes with arrow keys', () => {
  const lines = tableLines(rules, '').lines;
  it('moves up and down over section headings and empty lines', () => {
    expect(nextCell('ArrowDown', { line: 1, column: 2 }, lines, 7)).toEqual({ line: 3, column: 2 });
    expect(nextCell('ArrowUp', { line: 5, column: 0 }, lines, 7)).toEqual({ line: 3, column: 0 });
    expect(nextCell('ArrowDown', { line: 6, column: 0 }, lines, 7)).toBeUndefined();
    expect(nextCell('ArrowUp', { line: 1, column: 0 }, lines, 7)).toBeUndefined();
  });

  it('moves left and right within the row, Home and End to its ends', () => {
    expect(nextCell('ArrowRight', { line: 1, column: 2 }, lines, 7)).toEqual({ line: 1, column: 3 });
    expect(nextCell('ArrowRight', { line: 1, column: 6 }, lines, 7)).toBeUndefined();
    expect(nextCell('ArrowLeft', { line: 1, column: 0 }, lines, 7)).toBeUndefined();
    expect(nextCell('Home', { line: 1, column: 4 }, lines, 7)).toEqual({ line: 1, column: 0 });
    expect(nextCell('End', { line: 1, column: 4 }, lines, 7)).toEqual({ line: 1, column: 6 });
    expect(nextCell(' ', { line: 1, column: 4 }, lines, 7)).toBeUndefined();
  });
});
