import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { setRelayClock } from '../../../src/clock';
import type { ScriptRunPage } from '../../../src/contract/scripts';
import type { StoredRun } from '../../../src/storage/runs/model';
import { saveRun } from '../../../src/storage/runs/repository';
import { settleIfStalled } from '../../../src/storage/runs/settle-stalled';
import { STALLED_AFTER_MS, STALLED_MINUTES } from '../../../src/storage/runs/stalled';
import { dataOf, Envelope, invoke } from '../../support/local-host';
import { call, run, scriptHost, start } from './support';
import { ADA, SAM } from './site';

/**
 * A run that nothing can work on any more never reads as "running" for
 * ever: a consumer that crashes on every attempt, Forge's retries included,
 * leaves it unfinished; once longer than any event could still be working
 * on it has passed (the clock moved, not slept), every reader shows it as
 * failed and the first one stores that. Fresh host per test.
 */
const INPUT = { target: { type: 'space' }, add: ['checked'] };
/** Forge's first delivery and its 4 retries (local/events/limits.ts MAX_RETRIES). */
const DELIVERIES = 5;
const MESSAGE = `The run stopped: no progress for ${STALLED_MINUTES} minutes. Start it again to finish the remaining items.`;

let host: LocalHost;
afterEach(async () => {
  setRelayClock();
  host.kvs.faults.clear();
  await host.close();
});

const storedRun = async (runId: string) => (await kvs.get<StoredRun>(`runs:r:${runId}`)) as StoredRun;
const later = (ms: number) => setRelayClock(() => Date.now() + ms);

/** Starts a run whose consumer crashes on every delivery, right after its first Confluence call. */
async function abandonedRun(): Promise<string> {
  for (let i = 0; i < DELIVERIES; i++) {
    host.events.planConsumerFault({
      afterCalls: 1,
      match: (c) => c.kind === 'product',
      as: i % 2 ? 'timeout' : 'crash',
    });
  }
  const runId = await start(host, SAM, 'bulk-labels', INPUT);
  await host.events.idle();
  expect(host.events.deliveries().map((d) => d.outcome.kind)).toEqual(Array(DELIVERIES).fill('ended'));
  return runId;
}

const siteRuns = async () =>
  dataOf(await invoke<Envelope<ScriptRunPage>>(host, 'admin-page', 'listScriptRuns', {}, { accountId: ADA })).runs;
const spaceRuns = async () => dataOf(await call<ScriptRunPage>(host, SAM, 'listScriptRuns', {})).runs;

describe('a run whose events all died', () => {
  it('reads as running while an event could still be working on it', async () => {
    host = await scriptHost();
    const runId = await abandonedRun();
    later(STALLED_AFTER_MS - 60_000);
    expect((await run(host, SAM, runId)).state).toBe('running');
    expect((await siteRuns()).find((r) => r.runId === runId)?.state).toBe('running');
    expect((await storedRun(runId)).state).toBe('running');
  });

  it('reads as failed on every page once nothing can be, and the first read stores it with its audit entry', async () => {
    host = await scriptHost();
    const runId = await abandonedRun();
    later(STALLED_AFTER_MS + 60_000);
    expect((await spaceRuns()).find((r) => r.runId === runId)).toMatchObject({ state: 'failed', message: MESSAGE });
    const stored = await storedRun(runId);
    expect(stored).toMatchObject({ state: 'failed', message: MESSAGE, batch: [], waiting: [] });
    expect(stored.finishedAt).toBeDefined();
    expect(await run(host, SAM, runId)).toMatchObject({ state: 'failed', message: MESSAGE });
    expect((await siteRuns()).find((r) => r.runId === runId)?.state).toBe('failed');
    const site = dataOf(
      await invoke<Envelope<{ state: string }>>(host, 'admin-page', 'getScriptRun', { runId }, { accountId: ADA }),
    );
    expect(site.state).toBe('failed');
    const audit = dataOf(
      await invoke<Envelope<{ entries: { kind: string; runId: string; outcome?: { state: string } }[] }>>(
        host,
        'admin-page',
        'getScriptRunAudit',
        {},
        { accountId: ADA },
      ),
    );
    // Stored once: later reads find it finished and write nothing.
    expect(audit.entries.filter((e) => e.runId === runId && e.kind === 'run-ended')).toEqual([
      expect.objectContaining({ outcome: expect.objectContaining({ state: 'failed' }) }),
    ]);
    const cancel = await call(host, SAM, 'cancelScriptRun', { runId });
    expect(cancel.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('is not failed over a save made after it was read: the write is conditioned on the run not having moved', async () => {
    host = await scriptHost();
    const runId = await abandonedRun();
    const seen = await storedRun(runId);
    later(STALLED_AFTER_MS + 60_000);
    await saveRun({ ...(await storedRun(runId)) }); // a worker's save, at the moved clock
    const settled = await settleIfStalled(seen);
    expect(settled.state).toBe('running');
    expect((await storedRun(runId)).state).toBe('running');
    expect((await run(host, SAM, runId)).state).toBe('running');
  });
});

describe('a run that fails while storage is rate limited', () => {
  it('still ends as failed with the reason: failRun waits out the 429 and stores it', async () => {
    host = await scriptHost();
    // Every attempt's first save of the run is refused (3 attempts), then failRun's first save too.
    host.kvs.faults.add({ path: '/api/v1/set', body: /runs:r:/, times: 4 });
    const runId = await start(host, SAM, 'bulk-labels', INPUT);
    await host.events.idle();
    expect(host.kvs.faults.fired).toEqual([4]);
    const ended = await run(host, SAM, runId);
    expect(ended.state).toBe('failed');
    expect(ended.message).toMatch(/^The run failed 3 times in a row: .*[Rr]ate limit/);
  });
});
