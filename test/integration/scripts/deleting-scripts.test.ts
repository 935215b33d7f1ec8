import type { LocalHost } from '../../../local/host/create-host';
import { preview, runToEnd, scriptHost } from './support';
import { LOCKED_PAGE, SAM } from './site';

/** Bulk Delete Comments, Bulk Delete Attachments and Bulk Purge Trash: preview, then run. Fresh site per test. */
let host: LocalHost;
beforeEach(async () => {
  host = await scriptHost();
});
afterEach(() => host.close());

const store = () => host.confluence.site.content.store;

describe('Bulk Delete Comments', () => {
  const INPUT = { target: { type: 'space' }, olderThanDays: 365, authorAccountIds: ['u-bob'] };

  it('previews the matching comments with their page and why, and says it is permanent', async () => {
    const answer = await preview(host, SAM, 'bulk-delete-comments', INPUT);
    expect(answer).toMatchObject({ total: 3, permanent: true });
    expect(answer.items.map((i) => [i.id, i.page?.id])).toEqual([
      ['40001', '30002'],
      ['40003', '30003'],
      ['40004', LOCKED_PAGE],
    ]);
    expect(answer.items[0]?.reason).toMatch(/^footer comment, by Bob Smith, 40\d days old$/);
    expect(answer.items.map((i) => i.action)).toEqual([
      'delete permanently',
      'delete permanently',
      'none: You may not edit it in Confluence.',
    ]);
    expect(answer.warnings).toContain('Deleted comments cannot be restored: Confluence deletes them permanently.');
    expect(store().comment('40001')).toBeDefined();
  });

  it('deletes them where the user may edit the page; the locked page keeps its comment', async () => {
    const done = await runToEnd(host, SAM, 'bulk-delete-comments', INPUT, true);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 2, failed: 1, total: 3 } });
    expect(done.failures).toEqual([expect.objectContaining({ itemId: '40004' })]);
    expect(store().comment('40001')?.status ?? 'gone').not.toBe('current');
    expect(store().comment('40003')?.status ?? 'gone').not.toBe('current');
    expect(store().comment('40004')?.status).toBe('current');
    expect(store().comment('40002')?.status).toBe('current');
  });
});

describe('Bulk Delete Attachments', () => {
  it('moves matching attachments to the trash (not permanent)', async () => {
    const input = { target: { type: 'tree', pageId: '30002' }, fileNamePattern: '*.PNG', olderThanDays: 100 };
    const answer = await preview(host, SAM, 'bulk-delete-attachments', input);
    expect(answer).toMatchObject({ total: 3, permanent: false });
    expect(answer.items.map((i) => i.id)).toEqual(['att50001', 'att50003', 'att50004']);
    const done = await runToEnd(host, SAM, 'bulk-delete-attachments', input);
    expect(done.progress).toEqual({ done: 2, failed: 1, total: 3 });
    expect(store().attachment('att50001')?.status).toBe('trashed');
    expect(store().attachment('att50003')?.status).toBe('trashed');
    expect(store().attachment('att50004')?.status).toBe('current');
    expect(store().attachment('att50002')?.status).toBe('current');
  });

  it('purges them when asked, and then needs confirmation', async () => {
    const input = { target: { type: 'tree', pageId: '30003' }, purge: true };
    expect(await preview(host, SAM, 'bulk-delete-attachments', input)).toMatchObject({ total: 1, permanent: true });
    const done = await runToEnd(host, SAM, 'bulk-delete-attachments', input, true);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 1, failed: 0, total: 1 } });
    expect(store().attachment('att50003')).toBeUndefined();
  });
});

describe('Bulk Purge Trash', () => {
  it('previews and purges the trashed pages, blog posts and attachments of the space', async () => {
    const answer = await preview(host, SAM, 'bulk-purge-trash', {});
    expect(answer).toMatchObject({ permanent: true, total: 3 });
    expect(answer.items.map((i) => [i.kind, i.id])).toEqual([
      ['page', '30006'],
      ['blogpost', '31001'],
      ['attachment', 'att50005'],
    ]);
    const done = await runToEnd(host, SAM, 'bulk-purge-trash', {}, true);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 3, failed: 0, total: 3 } });
    expect(store().container('30006')).toBeUndefined();
    expect(store().container('31001')).toBeUndefined();
    expect(store().attachment('att50005')).toBeUndefined();
    expect(store().container('31002')?.status).toBe('current');
  });

  it('keeps to the types and age asked for', async () => {
    const answer = await preview(host, SAM, 'bulk-purge-trash', { types: ['blogpost'], olderThanDays: 0 });
    expect(answer.items.map((i) => i.id)).toEqual(['31001']);
  });
});
