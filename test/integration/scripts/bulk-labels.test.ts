import type { LocalHost } from '../../../local/host/create-host';
import { labelsOf, preview, run, runToEnd, scriptHost, start } from './support';
import { LOCKED_PAGE, PRIYA, SAM } from './site';

let host: LocalHost;
beforeAll(async () => {
  host = await scriptHost();
});
afterAll(() => host.close());

const TREE = { type: 'tree', pageId: '30002' };

describe('Bulk Add or Remove Labels', () => {
  it('previews every page of the tree with what it would change, and changes nothing', async () => {
    const answer = await preview(host, SAM, 'bulk-labels', { target: TREE, add: ['Reviewed'], remove: ['old'] });
    expect(answer).toMatchObject({ scriptKey: 'bulk-labels', total: 4, permanent: false });
    expect(answer.items.map((i) => [i.id, i.depth, i.action])).toEqual([
      ['30002', 0, 'add reviewed; remove old'],
      ['30003', 1, 'add reviewed'],
      [LOCKED_PAGE, 1, 'none: You may not edit it in Confluence.'],
      ['30005', 1, 'add reviewed'],
    ]);
    expect(answer.summary).toBe('Will add reviewed; remove old on 4 pages.');
    expect(answer.warnings).toEqual([
      'You may not change 1 item of the 4 shown: the run will fail it, and any others like them.',
    ]);
    expect(labelsOf(host, '30002')).toEqual(['old']);
  });

  it('runs as the app but only where the user may edit: the locked page fails with the reason, its siblings are done', async () => {
    const done = await runToEnd(host, SAM, 'bulk-labels', { target: TREE, add: ['reviewed'], remove: ['old'] });
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 3, failed: 1, total: 4 } });
    expect(done.failures).toEqual([
      { itemId: LOCKED_PAGE, title: 'Board minutes', reason: 'You may not edit it in Confluence.' },
    ]);
    expect(labelsOf(host, '30002')).toEqual(['reviewed']);
    expect(labelsOf(host, '30003')).toEqual(['reviewed']);
    expect(labelsOf(host, '30005')).toEqual(['reviewed']);
    expect(labelsOf(host, LOCKED_PAGE)).toEqual([]);
    expect(done.startedBy).toEqual({ accountId: SAM, displayName: 'Sam Taylor' });
    expect(done.input).toEqual({ target: TREE, add: ['reviewed'], remove: ['old'] });
  });

  it('a space admin who may not edit pages in Confluence changes nothing, though the app could', async () => {
    const done = await runToEnd(host, PRIYA, 'bulk-labels', { target: TREE, add: ['by-priya'] });
    expect(done).toMatchObject({ state: 'failed', progress: { done: 0, failed: 4, total: 4 } });
    expect(new Set(done.failures.map((f) => f.reason))).toEqual(new Set(['You may not edit it in Confluence.']));
    for (const id of ['30002', '30003', LOCKED_PAGE, '30005']) expect(labelsOf(host, id)).not.toContain('by-priya');
  });

  it('a whole space: every current page, none of the trash', async () => {
    const done = await runToEnd(host, SAM, 'bulk-labels', { target: { type: 'space' }, add: ['space-wide'] });
    expect(done.progress).toEqual({ done: 4, failed: 1, total: 5 });
    expect(labelsOf(host, '30001')).toContain('space-wide');
    expect(labelsOf(host, '30006')).not.toContain('space-wide');
  });

  it('refuses bad input with the field, before anything runs', async () => {
    const { call } = await import('./support');
    const answer = await call(host, SAM, 'startScript', {
      scriptKey: 'bulk-labels',
      input: { target: TREE, add: ['has space'] },
    });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'input.add[0]' } });
  });

  it('answers the run while it is queued, then finished, to the space admin who asks', async () => {
    const runId = await start(host, SAM, 'bulk-labels', { target: TREE, add: ['x1'] });
    const early = await run(host, SAM, runId);
    expect(['queued', 'running', 'succeeded']).toContain(early.state);
    await host.events.idle();
    expect((await run(host, SAM, runId)).state).toBe('succeeded');
  });
});
