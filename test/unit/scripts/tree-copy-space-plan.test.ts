import {
  chunkRanges,
  creationWaves,
  isProvenanceOf,
  nextPhase,
  placementOf,
  provenanceText,
} from '../../../src/scripts/copy-space/plan';
import { planPermissionCopy, planRoleCopy } from '../../../src/scripts/copy-space/permissions-plan';
import { spaceOrder, TreePage } from '../../../src/scripts/tree/order';

describe('Copy Space phases and chunks', () => {
  it('skips the phases the options leave out', () => {
    expect(nextPhase('create-space', {})).toBe('pages');
    expect(nextPhase('pages', {})).toBe('done');
    expect(nextPhase('pages', { copyPermissions: true })).toBe('permissions');
    expect(nextPhase('pages', { copyBlogPosts: true, copyPermissions: true })).toBe('blogposts');
    expect(nextPhase('blogposts', { copyBlogPosts: true, copyPermissions: true })).toBe('permissions');
    expect(nextPhase('permissions', { copyPermissions: true })).toBe('done');
  });

  it('covers 2,000 pages in chunks of 100 with no gap or overlap', () => {
    const ranges = chunkRanges(2000, 100);
    expect(ranges).toHaveLength(20);
    expect(ranges[0]).toEqual({ start: 0, end: 100 });
    expect(ranges[19]).toEqual({ start: 1900, end: 2000 });
    expect(chunkRanges(101, 100)).toEqual([
      { start: 0, end: 100 },
      { start: 100, end: 101 },
    ]);
    expect(chunkRanges(0, 100)).toEqual([]);
  });

  it('waves: a page after its parent and its previous sibling, pages of other parents together', () => {
    const pages: TreePage[] = [
      { id: '1', title: 'Home', parentId: null },
      { id: '2', title: 'A', parentId: '1' },
      { id: '3', title: 'A1', parentId: '2' },
      { id: '4', title: 'A2', parentId: '2' },
      { id: '5', title: 'B', parentId: '1' },
      { id: '6', title: 'B1', parentId: '5' },
    ];
    const order = spaceOrder('1', pages);
    const waves = creationWaves(order).map((w) => w.map((n) => n.id));
    expect(waves).toEqual([['1'], ['2'], ['3', '5'], ['4', '6']]);
    // a chunk that starts mid-tree has nothing to wait for from earlier chunks
    expect(creationWaves(order.slice(3)).map((w) => w.map((n) => n.id))).toEqual([['4', '5'], ['6']]);
  });

  it('places the home page on the new home page, top-level pages at the top, others under their parent', () => {
    const order = spaceOrder('1', [
      { id: '1', title: 'Home', parentId: null },
      { id: '2', title: 'A', parentId: '1' },
      { id: '9', title: 'Loose', parentId: null },
    ]);
    expect(order.map((n) => placementOf(n, '1'))).toEqual([
      { kind: 'home' },
      { kind: 'child', parentSourceId: '1' },
      { kind: 'top-level' },
    ]);
  });

  it('recognises its own record on the new space and no other run’s', () => {
    const text = provenanceText({ key: 'MKT', name: 'Marketing' }, 'run_abc12345', '2026-12-01T10:00:00Z');
    expect(text).toBe(
      'Copied from the space Marketing (MKT) by the Copy Space script, run run_abc12345, on 2026-12-01.',
    );
    expect(isProvenanceOf(text, 'run_abc12345')).toBe(true);
    expect(isProvenanceOf(text, 'run_abc1234')).toBe(false);
    expect(isProvenanceOf(undefined, 'run_abc12345')).toBe(false);
  });
});

describe('Copy Space permissions', () => {
  const target = {
    id: '9',
    key: 'NEW',
    name: 'New',
    assignments: [
      { subject: { type: 'user', id: 'u-me' }, operation: { key: 'read', target: 'space' } },
      { subject: { type: 'user', id: 'u-me' }, operation: { key: 'administer', target: 'space' } },
    ],
  };

  it('grants each user and group its source permissions, read first, what the creator holds marked already', () => {
    const plan = planPermissionCopy(
      [
        { subject: { type: 'group', id: 'g-1' }, operation: { key: 'create', target: 'page' } },
        { subject: { type: 'group', id: 'g-1' }, operation: { key: 'read', target: 'space' } },
        { subject: { type: 'user', id: 'u-me' }, operation: { key: 'administer', target: 'space' } },
        { subject: { type: 'access-class', id: 'anonymous-users' }, operation: { key: 'read', target: 'space' } },
      ],
      target,
    );
    expect(plan.rows.map((r) => [r.subject.id, `${r.operation.key}/${r.operation.target}`, r.status])).toEqual([
      ['g-1', 'read/space', 'change'],
      ['g-1', 'create/page', 'change'],
      ['u-me', 'administer/space', 'already'],
    ]);
    expect(plan.rows.every((r) => r.spaceKey === 'NEW')).toBe(true);
    expect(plan.skipped).toEqual(['read/space of access-class anonymous-users: only users and groups can be copied']);
  });

  it('on a roles site never queues the runner’s own role, and skips assignments already so', () => {
    const source = [
      { principal: { principalType: 'USER', principalId: 'u-me' }, roleId: 'r-viewer' },
      { principal: { principalType: 'GROUP', principalId: 'g-1' }, roleId: 'r-collab' },
      { principal: { principalType: 'GROUP', principalId: 'g-2' }, roleId: 'r-admin' },
    ];
    const now = [
      { principal: { principalType: 'USER', principalId: 'u-me' }, roleId: 'r-admin' },
      { principal: { principalType: 'GROUP', principalId: 'g-2' }, roleId: 'r-admin' },
    ];
    expect(planRoleCopy(source, now, 'u-me')).toEqual({ assign: [source[1]], keptRunner: true });
  });
});
