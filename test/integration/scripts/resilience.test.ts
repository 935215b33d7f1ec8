import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import type { StoredRun } from '../../../src/storage/runs/model';
import { ALL_SCRIPTS, global, replaceTable } from '../../support/rules';
import { dataOf } from '../../support/local-host';
import { call, labelsOf, run, runToEnd, scriptHost, start } from './support';
import { LOCKED_PAGE, SAM, SPACE } from './site';

/**
 * A run survives consumers that die or time out mid-chunk, stops on cancel
 * and when access is withdrawn, and hands over before its time runs out.
 * Each test starts its own host, so the label counts are its own.
 */
const LABEL_POST = (label: string) => (c: { kind: string; label: string }) =>
  c.kind === 'product' && c.label.startsWith('POST /wiki/rest/api/content/') && c.label.endsWith(label);
const EXTRA = 40;
/** Home, Guides, Setup, FAQ and the extra pages: the locked page fails. */
const EDITABLE = 4 + EXTRA;
const INPUT = { target: { type: 'space' }, add: ['checked'] };

let host: LocalHost;
afterEach(() => host.close());

const storedRun = async (runId: string) => (await kvs.get<StoredRun>(`runs:r:${runId}`)) as StoredRun;

function expectEveryEditablePageLabelledOnce(): void {
  const pages = ['30001', '30002', '30003', '30005', ...Array.from({ length: EXTRA }, (_, i) => String(100_000 + i))];
  for (const id of pages) expect(labelsOf(host, id).filter((l) => l === 'checked')).toHaveLength(1);
  expect(labelsOf(host, LOCKED_PAGE)).not.toContain('checked');
}

/**
 * Hand-over tests need a run longer than half the consumer's time limit (the
 * engine hands over then): 400 Confluence calls at CALL_DELAY_MS in 16 lanes take
 * about 2.5 s, past the hand-over at 2 s and well before the 4 s limit, so a
 * busy machine (CI on 2 cores) neither skips the hand-over nor times out first.
 */
const CONSUMER_LIMIT_MS = 4_000;
const CALL_DELAY_MS = 100;

describe('a consumer that dies mid-chunk', () => {
  for (const as of ['crash', 'timeout'] as const) {
    it(`(${as}) is retried and the run ends with every item counted once, none skipped`, async () => {
      host = await scriptHost({ extraPages: EXTRA });
      // Dies right after its 10th label write has reached Confluence.
      host.events.planConsumerFault({ afterCalls: 10, match: LABEL_POST('/label'), as });
      const done = await runToEnd(host, SAM, 'bulk-labels', INPUT);
      expect(done).toMatchObject({ state: 'succeeded', progress: { done: EDITABLE, failed: 1, total: EDITABLE + 1 } });
      expect(done.failures.map((f) => f.itemId)).toEqual([LOCKED_PAGE]);
      expectEveryEditablePageLabelledOnce();
      const outcomes = host.events.deliveries().map((d) => d.outcome.kind);
      expect(outcomes[0]).toBe('ended');
      expect(outcomes.at(-1)).toBe('ok');
      // Only the chunk under way is applied again, and only what it had reached (10 writes, in 16 lanes).
      const concrete = host
        .recentInvocations()
        .filter((r) => r.kind === 'consumer')
        .flatMap((r) => r.calls.calls.filter((c) => LABEL_POST('/label')(c)));
      expect(concrete.length).toBeGreaterThanOrEqual(EDITABLE);
      expect(concrete.length).toBeLessThanOrEqual(EDITABLE + 10 + 16);
    });
  }
});

describe('a consumer that dies while handing over', () => {
  it('is retried, and the retry never works beside the continuation: every item once', async () => {
    host = await scriptHost({ extraPages: 400, consumerLimitMs: CONSUMER_LIMIT_MS });
    host.confluence.faults.add({ fault: { kind: 'delay', ms: CALL_DELAY_MS }, method: 'POST', path: /\/label$/ });
    // Dies right after its continuation event was pushed: Forge retries the old event.
    host.events.planConsumerFault({ afterCalls: 1, match: (c) => c.kind === 'events' });
    const done = await runToEnd(host, SAM, 'bulk-labels', INPUT);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 404, failed: 1, total: 405 } });
    const deliveries = host.events.deliveries();
    expect(deliveries[0]?.outcome).toEqual({ kind: 'ended', retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
    expect(deliveries.some((d) => d.attempt === 1 && d.eventId === deliveries[0]?.eventId)).toBe(true);
    for (let i = 0; i < 400; i++) expect(labelsOf(host, String(100_000 + i))).toEqual(['checked']);
  });

  it('a retry delivered before the continuation pushes it again, and the duplicate is dropped', async () => {
    host = await scriptHost({ extraPages: 400, consumerLimitMs: CONSUMER_LIMIT_MS });
    host.confluence.faults.add({ fault: { kind: 'delay', ms: CALL_DELAY_MS }, method: 'POST', path: /\/label$/ });
    host.events.emulator.hold();
    host.events.planConsumerFault({ afterCalls: 1, match: (c) => c.kind === 'events' });
    const runId = await start(host, SAM, 'bulk-labels', INPUT);
    await host.events.emulator.releaseOne(); // works, pushes its continuation, dies
    const retry = await host.events.emulator.releaseOne((e) => e.retryContext !== undefined);
    expect(retry?.outcome).toEqual({ kind: 'ok' });
    host.events.emulator.release();
    await host.events.idle();
    const ended = await run(host, SAM, runId);
    expect(ended).toMatchObject({ state: 'succeeded', progress: { done: 404, failed: 1, total: 405 } });
    for (let i = 0; i < 400; i++) expect(labelsOf(host, String(100_000 + i))).toEqual(['checked']);
    // The retry only re-pushed: it made no Confluence call.
    const retryInvocation = host.recentInvocations().filter((r) => r.kind === 'consumer')[1];
    expect(retryInvocation?.calls.byKind).toMatchObject({ product: 0, events: 1 });
  });
});

describe('cancel', () => {
  it('stops the run at the next item: nothing more is applied after it', async () => {
    host = await scriptHost({ extraPages: EXTRA });
    host.events.emulator.hold();
    host.events.planConsumerFault({ afterCalls: 5, match: LABEL_POST('/label') });
    const runId = await start(host, SAM, 'bulk-labels', INPUT);
    await host.events.emulator.releaseOne(); // dies after 5 writes; Forge's retry is parked
    const cancelled = dataOf(await call<{ cancelRequested: boolean }>(host, SAM, 'cancelScriptRun', { runId }));
    expect(cancelled.cancelRequested).toBe(true);
    host.events.emulator.release();
    await host.events.idle();
    const ended = await run(host, SAM, runId);
    expect(ended.state).toBe('cancelled');
    expect(ended.progress.done).toBeLessThan(EDITABLE);
    const labelled = Array.from({ length: EXTRA }, (_, i) => String(100_000 + i)).filter((id) =>
      labelsOf(host, id).includes('checked'),
    );
    expect(labelled.length).toBeLessThan(EXTRA);
    const again = await call(host, SAM, 'cancelScriptRun', { runId });
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('access withdrawn while a run is under way', () => {
  it('stops as "access withdrawn" when the rules no longer allow the script', async () => {
    host = await scriptHost({ extraPages: EXTRA });
    host.events.emulator.hold();
    host.events.planConsumerFault({ afterCalls: 3, match: LABEL_POST('/label') });
    const runId = await start(host, SAM, 'bulk-labels', INPUT);
    await host.events.emulator.releaseOne();
    await replaceTable(host, true, [global(ALL_SCRIPTS), { type: 'user', id: SAM, name: 'Sam', allowed: [] }]);
    host.events.emulator.release();
    await host.events.idle();
    const ended = await storedRun(runId);
    expect(ended.state).toBe('stopped');
    expect(ended.message).toBe('Access withdrawn: Restricted for you by a rule set for your account.');
  });

  it('stops when the starter no longer administers the space', async () => {
    host = await scriptHost({ extraPages: EXTRA });
    host.events.emulator.hold();
    host.events.planConsumerFault({ afterCalls: 3, match: LABEL_POST('/label') });
    const runId = await start(host, SAM, 'bulk-labels', INPUT);
    await host.events.emulator.releaseOne();
    const space = host.confluence.site.space(SPACE.id);
    if (!space) throw new Error('fixture space missing');
    space.permissions = space.permissions.filter((p) => !(p.subject.id === SAM && p.operation.key === 'administer'));
    host.events.emulator.release();
    await host.events.idle();
    const ended = await storedRun(runId);
    expect(ended.state).toBe('stopped');
    expect(ended.message).toBe(
      'Access withdrawn: You are not an admin of this space, so no built-in scripts are available.',
    );
  });
});

describe('time and rate limits', () => {
  it('hands over to new events before its time is up, losing and repeating nothing', async () => {
    // How far below the limit each invocation stays is a bench figure (npm run bench), not a timed assertion.
    host = await scriptHost({ extraPages: 400, consumerLimitMs: CONSUMER_LIMIT_MS });
    host.confluence.faults.add({ fault: { kind: 'delay', ms: CALL_DELAY_MS }, method: 'POST', path: /\/label$/ });
    const done = await runToEnd(host, SAM, 'bulk-labels', INPUT);
    expect(done.progress).toEqual({ done: 404, failed: 1, total: 405 });
    const consumers = host.recentInvocations().filter((r) => r.kind === 'consumer');
    expect(consumers.length).toBeGreaterThan(1);
    const stats = (await storedRun(done.runId)).stats;
    expect(stats.invocations).toBeGreaterThan(1);
    expect(stats.chunks).toBeGreaterThanOrEqual(3);
  });

  it('hands over while it is still only searching (pages without matches)', async () => {
    host = await scriptHost({ extraPages: 400, consumerLimitMs: CONSUMER_LIMIT_MS });
    host.confluence.faults.add({ fault: { kind: 'delay', ms: CALL_DELAY_MS }, method: 'GET', path: /-comments$/ });
    const input = { target: { type: 'space' }, authorAccountIds: ['u-nobody'] };
    const done = await runToEnd(host, SAM, 'bulk-delete-comments', input, true);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: 0, failed: 0, total: 0 } });
    // Hand-overs are new events; a consumer that ran out of time would be retries of one event.
    const events = new Set(host.events.deliveries().map((d) => d.eventId));
    expect(events.size).toBeGreaterThan(1);
  });

  it('waits out short 429s in place and continues after long ones in a delayed event', async () => {
    host = await scriptHost({ extraPages: EXTRA });
    host.confluence.faults.add({ fault: { kind: 'status', status: 429, retryAfter: '1' }, method: 'POST', times: 2 });
    host.confluence.faults.add({
      fault: { kind: 'status', status: 429, retryAfter: '120' },
      method: 'POST',
      path: /\/label$/,
      times: 1,
    });
    const done = await runToEnd(host, SAM, 'bulk-labels', INPUT);
    expect(done).toMatchObject({ state: 'succeeded', progress: { done: EDITABLE, failed: 1 } });
    expectEveryEditablePageLabelledOnce();
    expect((await storedRun(done.runId)).stats.rateLimitedWaits).toBe(1);
    expect(host.confluence.faults.injected.filter((f) => f.fault.kind === 'status')).toHaveLength(3);
  });
});
