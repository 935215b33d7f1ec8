import type { LocalHost } from '../../../local/host/create-host';
import type { RunAuditPage } from '../../../src/contract/scripts';
import { dataOf, invoke, type Envelope } from '../../support/local-host';
import { run, runToEnd, scriptHost, start } from './support';
import { ADA, SAM } from './site';

/**
 * A run keeps the names of what its input names (page titles as the
 * starter saw them, people's display names) from its start, and the admin
 * audit log names the people of its entries in one lookup per page.
 */
let host: LocalHost;
beforeEach(async () => {
  host = await scriptHost();
});
afterEach(() => host.close());

const INPUT = { target: { type: 'tree', pageId: '30002' }, authorAccountIds: ['u-bob', 'u-nobody'] };

test('a run answers the names of the pages and people its input names, as they were at its start', async () => {
  const done = await runToEnd(host, SAM, 'bulk-delete-comments', INPUT, true);
  expect(done.inputNames).toEqual({ pages: { '30002': 'Guides' }, people: { 'u-bob': 'Bob Smith' } });
  // A rename afterwards does not change what the run says it was started on.
  host.confluence.site.content.store.container('30002')!.title = 'Renamed guides';
  expect((await run(host, SAM, done.runId)).inputNames?.pages).toEqual({ '30002': 'Guides' });
});

test('an input without ids keeps no names; Copy Page Tree keeps both its pages', async () => {
  const labels = await runToEnd(host, SAM, 'bulk-labels', { target: { type: 'space' }, add: ['x'] });
  expect(labels.inputNames).toBeUndefined();
  const runId = await start(host, SAM, 'copy-page-tree', { pageId: '30003', destinationPageId: '30001' });
  expect((await run(host, SAM, runId)).inputNames?.pages).toEqual({ '30003': 'Setup', '30001': 'Home' });
  await host.events.idle();
});

test('the audit log names the people of its entries', async () => {
  await runToEnd(host, SAM, 'bulk-delete-comments', INPUT, true);
  const answer = await invoke<Envelope<RunAuditPage>>(host, 'admin-page', 'getScriptRunAudit', {}, { accountId: ADA });
  const page = dataOf(answer);
  expect(page.entries.length).toBeGreaterThan(0);
  expect(page.people).toMatchObject({ [SAM]: 'Sam Taylor', 'u-bob': 'Bob Smith' });
  const started = page.entries.find((e) => e.kind === 'run-started');
  expect(started?.inputNames?.pages).toEqual({ '30002': 'Guides' });
});
