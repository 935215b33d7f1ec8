import { ConcurrencyGate } from '../../../relay/src/concurrency';
import { lanesOf, phasesOf } from '../../../relay/src/relay';
import type { WorkItem } from '../../../src/contract/relay-protocol';

/** A gate on a virtual clock: sleeping moves the clock, so Retry-After costs no real time. */
function gateOf(max: number) {
  let now = 0;
  const slept: number[] = [];
  const gate = new ConcurrencyGate({
    max,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    signal: new AbortController().signal,
  });
  return { gate, slept, advance: (ms: number) => (now += ms) };
}

/** Resolvable tasks, to hold slots open while the test looks. */
function heldTasks(gate: ConcurrencyGate, count: number) {
  let running = 0;
  let maxRunning = 0;
  const releases: (() => void)[] = [];
  const done = Promise.all(
    Array.from({ length: count }, () =>
      gate.run(async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await new Promise<void>((release) => releases.push(release));
        running -= 1;
      }),
    ),
  );
  return { done, releases, running: () => running, maxRunning: () => maxRunning };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('ConcurrencyGate', () => {
  it('runs at most `max` at once and starts the next as one ends', async () => {
    const { gate } = gateOf(3);
    const tasks = heldTasks(gate, 7);
    await flush();
    expect(tasks.running()).toBe(3);
    tasks.releases.shift()!();
    await flush();
    expect(tasks.running()).toBe(3);
    while (tasks.releases.length) {
      tasks.releases.shift()!();
      await flush();
    }
    await tasks.done;
    expect(tasks.maxRunning()).toBe(3);
  });

  it('a 429 halves the limit (never below 1) and holds new starts for the Retry-After', async () => {
    const { gate, slept } = gateOf(8);
    gate.throttled(2_000);
    expect(gate.limit).toBe(4);
    gate.throttled(0);
    gate.throttled(0);
    gate.throttled(0);
    expect(gate.limit).toBe(1);
    await gate.run(async () => undefined);
    expect(slept).toEqual([2_000]);
  });

  it('after a 429 only the halved number run at once', async () => {
    const { gate } = gateOf(8);
    gate.throttled(0);
    const tasks = heldTasks(gate, 8);
    await flush();
    expect(tasks.running()).toBe(4);
    for (let i = 0; i < 8; i++) {
      tasks.releases.shift()?.();
      await flush();
    }
    await tasks.done;
    expect(tasks.maxRunning()).toBe(4);
  });

  it('gives one slot back after each run of `limit` successes, up to the configured limit', () => {
    const { gate } = gateOf(4);
    gate.throttled(0);
    expect(gate.limit).toBe(2);
    gate.succeeded();
    expect(gate.limit).toBe(2);
    gate.succeeded();
    expect(gate.limit).toBe(3);
    for (let i = 0; i < 3; i++) gate.succeeded();
    expect(gate.limit).toBe(4);
    for (let i = 0; i < 10; i++) gate.succeeded();
    expect(gate.limit).toBe(4);
  });
});

const permission = (
  itemId: string,
  spaceId: string,
  subjectId: string,
  key: string,
  target: string,
  action: 'grant' | 'revoke' = 'grant',
): WorkItem => ({
  kind: 'permission',
  itemId,
  jobId: 'j1',
  action,
  spaceKey: `S${spaceId}`,
  spaceId,
  subject: { type: 'user', id: subjectId },
  operation: { key, target },
  attempt: 1,
});

describe('lanes and phases', () => {
  it('puts each subject in each space in its own lane, keeping lease order', () => {
    const items = [
      permission('a', '1', 'u1', 'read', 'space'),
      permission('b', '1', 'u2', 'read', 'space'),
      permission('c', '1', 'u1', 'export', 'space'),
      permission('d', '2', 'u1', 'read', 'space'),
    ];
    expect(lanesOf(items).map((lane) => lane.map((i) => i.itemId))).toEqual([['a', 'c'], ['b'], ['d']]);
  });

  it('a read/space grant runs alone before the other grants, which run side by side', () => {
    const lane = ['read/space', 'create/page', 'export/space'].map((op, i) => {
      const [key, target] = op.split('/') as [string, string];
      return permission(`i${i}`, '1', 'u1', key, target);
    });
    expect(phasesOf(lane).map((p) => p.map((i) => i.itemId))).toEqual([['i0'], ['i1', 'i2']]);
  });

  it('a read/space revoke runs alone after the other revokes', () => {
    const lane = ['create/page', 'export/space', 'read/space'].map((op, i) => {
      const [key, target] = op.split('/') as [string, string];
      return permission(`i${i}`, '1', 'u1', key, target, 'revoke');
    });
    expect(phasesOf(lane).map((p) => p.map((i) => i.itemId))).toEqual([['i0', 'i1'], ['i2']]);
  });

  it('a role item stands alone in its lane, in order', () => {
    const role: WorkItem = {
      kind: 'role',
      itemId: 'r',
      jobId: 'j2',
      spaceKey: 'S1',
      spaceId: '1',
      subject: { type: 'user', id: 'u1' },
      roleId: 'viewer',
      attempt: 1,
    };
    const lane = [permission('p1', '1', 'u1', 'export', 'space'), role, permission('p2', '1', 'u1', 'create', 'page')];
    expect(phasesOf(lane).map((p) => p.map((i) => i.itemId))).toEqual([['p1'], ['r'], ['p2']]);
  });
});
