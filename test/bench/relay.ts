import type { Figures } from './module';
import { benchRelayRun, CONFLUENCE_DELAY_MS, TRIGGER_DELAY_MS } from './relay-run';

/**
 * The relay's figures (issue 15): one `node relay.mjs --once` run of a
 * 500-change job with +150 ms on every Confluence call and +400 ms on every
 * web trigger call, and the app's storage cost per change in that run.
 */
export async function relayFigures(): Promise<Figures> {
  const run = await benchRelayRun();
  if (!run.jobFinished) throw new Error('the relay run did not finish its job');
  const what = `${run.changes} changes, +${CONFLUENCE_DELAY_MS} ms a Confluence call, +${TRIGGER_DELAY_MS} ms a web trigger call`;
  return {
    changesPerSecond: {
      label: `relay --once: changes applied per second (${what})`,
      value: run.changesPerSecond,
      digits: 1,
      note: `${run.seconds.toFixed(1)} s for the whole run, start-up included`,
    },
    kvsWritesPerChange: {
      label: 'app storage writes per change (each key a set, delete or transaction writes)',
      value: run.kvsWrites / run.changes,
      digits: 2,
    },
    kvsCallsPerChange: {
      label: 'app storage calls per change (all web trigger invocations of the run)',
      value: run.kvsCalls / run.changes,
      digits: 2,
      note: `${run.invocations} web trigger invocations`,
    },
  };
}
