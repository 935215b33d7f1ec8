import fc from 'fast-check';
import { depthCounts, spaceOrder, TreePage, treeOrder } from '../../../src/scripts/tree/order';

const p = (id: string, parentId: string | null, position?: number): TreePage => ({
  id,
  title: `T${id}`,
  parentId,
  ...(position !== undefined ? { position } : {}),
});

describe('treeOrder', () => {
  it('lists the root, then each child with its descendants, siblings by position', () => {
    const pages = [p('1', null), p('3', '1', 2), p('2', '1', 1), p('4', '2'), p('5', '3'), p('9', null)];
    expect(treeOrder('1', pages).map((n) => [n.id, n.depth, n.parentId])).toEqual([
      ['1', 0, null],
      ['2', 1, '1'],
      ['4', 2, '2'],
      ['3', 1, '1'],
      ['5', 2, '3'],
    ]);
  });

  it('starts at an inner page and gives it depth 0 and no parent', () => {
    const pages = [p('1', null), p('2', '1'), p('4', '2')];
    expect(treeOrder('2', pages)).toEqual([
      { id: '2', title: 'T2', parentId: null, depth: 0 },
      { id: '4', title: 'T4', parentId: '2', depth: 1 },
    ]);
  });

  it('is empty for a root it does not know', () => {
    expect(treeOrder('7', [p('1', null)])).toEqual([]);
  });

  it('walks a 5,000-deep chain without overflowing the stack', () => {
    const pages = Array.from({ length: 5000 }, (_, i) => p(String(i + 1), i === 0 ? null : String(i)));
    const nodes = treeOrder('1', pages);
    expect(nodes).toHaveLength(5000);
    expect(nodes[4999]).toMatchObject({ id: '5000', depth: 4999 });
  });
});

describe('spaceOrder', () => {
  it('puts the home page tree first, then other top-level trees, and orphans as roots', () => {
    const pages = [p('10', null), p('11', '10'), p('1', null), p('2', '1'), p('20', '999')];
    expect(spaceOrder('1', pages).map((n) => n.id)).toEqual(['1', '2', '10', '11', '20']);
    expect(depthCounts(spaceOrder('1', pages))).toEqual([3, 2]);
  });

  it('visits every page exactly once, each after its parent (property)', () => {
    const forest = fc
      .array(fc.nat(), { minLength: 1, maxLength: 60 })
      .map((links) =>
        links.map((link, i) => p(String(i + 1), i === 0 || link % 4 === 0 ? null : String((link % i) + 1), link % 7)),
      );
    fc.assert(
      fc.property(forest, (pages) => {
        const order = spaceOrder(pages[0]!.id, pages);
        expect(new Set(order.map((n) => n.id)).size).toBe(pages.length);
        const at = new Map(order.map((n, i) => [n.id, i]));
        for (const n of order) {
          if (n.parentId !== null) {
            expect(at.get(n.parentId)!).toBeLessThan(at.get(n.id)!);
            expect(n.depth).toBe(order[at.get(n.parentId)!]!.depth + 1);
          }
        }
      }),
    );
  });
});
