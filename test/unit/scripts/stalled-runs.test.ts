import { isStalled, STALLED_AFTER_MS, STALLED_MINUTES, stalledMessage } from '../../../src/storage/runs/stalled';

const run = (state: 'queued' | 'running' | 'succeeded' | 'failed', progressAt?: number) => ({
  state,
  startedAtMs: 1_000,
  ...(progressAt === undefined ? {} : { progressAt }),
});

describe('when a run has stalled', () => {
  it('waits out a delayed hand-over and every attempt of its event at the time limit: 70 minutes', () => {
    expect(STALLED_AFTER_MS).toBe(900_000 + 5 * (600_000 + 60_000));
    expect(STALLED_MINUTES).toBe(70);
    expect(stalledMessage()).toBe(
      'The run stopped: no progress for 70 minutes. Start it again to finish the remaining items.',
    );
  });

  it('counts from the last save, or from the start for runs stored before saves were stamped', () => {
    expect(isStalled(run('running', 5_000), 5_000 + STALLED_AFTER_MS)).toBe(false);
    expect(isStalled(run('running', 5_000), 5_001 + STALLED_AFTER_MS)).toBe(true);
    expect(isStalled(run('queued'), 1_001 + STALLED_AFTER_MS)).toBe(true);
    expect(isStalled(run('queued'), 1_000 + STALLED_AFTER_MS)).toBe(false);
  });

  it('never touches a finished run', () => {
    expect(isStalled(run('succeeded', 0), Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isStalled(run('failed', 0), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
