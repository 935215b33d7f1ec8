import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import { MAX_RETRIES } from '../../../local/events';
import { startHost } from '../../support/local-host';

/**
 * The async events emulation, through the real @forge/events SDK in a tiny
 * fixture app: a resolver pushes, the host runs the queue's consumer in the
 * background, and each test awaits `events.idle()` instead of sleeping.
 */
const EVENTS_APP = join(__dirname, '..', '..', 'fixtures', 'events-app');

interface Seen {
  id: string;
  note: string;
  jobId: string;
  eventId: string;
  queueName: string;
  retryContext: { retryCount: number; retryReason: string } | null;
}

let host: LocalHost;
beforeEach(async () => {
  host = await startHost({ projectRoot: EVENTS_APP, eventDelayScale: 0, timeLimitsMs: { consumer: 300 } });
});
afterEach(() => host.close());

async function push(queue: string, events: unknown): Promise<{ jobId?: string; error?: string; message?: string }> {
  const { value } = await host.invoke({
    module: 'events-page',
    functionKey: 'push',
    payload: { queue, events },
    context: { accountId: 'u-ada' },
  });
  return value as { jobId?: string; error?: string; message?: string };
}

async function seen(): Promise<Seen[]> {
  const { value } = await host.invoke({ module: 'events-page', functionKey: 'seen', context: { accountId: 'u-ada' } });
  return (value as { seen: Seen[] }).seen;
}

describe('Queue.push reaches the consumer', () => {
  it('delivers each event once with its body, jobId, eventId and queue name', async () => {
    const answer = await push('work', [{ body: { id: 'a' } }, { body: { id: 'b' } }]);
    expect(answer.jobId).toEqual(expect.any(String));
    await host.events.idle();
    const records = await seen();
    expect(records.map((r) => r.id).sort()).toEqual(['a', 'b']);
    for (const r of records) {
      expect(r).toMatchObject({ jobId: answer.jobId, queueName: 'work', retryContext: null });
      expect(r.eventId).toEqual(expect.any(String));
    }
    expect(new Set(records.map((r) => r.eventId)).size).toBe(2);
  });

  it('answers the job stats the SDK reads', async () => {
    const { jobId } = await push('work', [{ body: { id: 's1' } }, { body: { id: 's2' } }]);
    await host.events.idle();
    const { value } = await host.invoke({
      module: 'events-page',
      functionKey: 'stats',
      payload: { queue: 'work', jobId },
      context: { accountId: 'u-ada' },
    });
    expect(value).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('lets a consumer push the next event (a chain), which is delivered too', async () => {
    await push('work', { body: { id: 'c', action: 'chain' } });
    await host.events.idle();
    expect((await seen()).map((r) => r.id).sort()).toEqual(['c', 'c-next']);
  });
});

describe('a consumer has no user', () => {
  it('a product call as the user is refused with NeedsAuthenticationError, as on Forge', async () => {
    await push('work', { body: { id: 'u', action: 'as-user' } });
    await host.events.idle();
    expect((await seen()).map((r) => r.note)).toEqual(['as-user-NeedsAuthenticationError']);
  });
});

describe('retries', () => {
  it('retries an event whose consumer answered InvocationError, with retryContext', async () => {
    await push('work', { body: { id: 'r', action: 'retry-once' } });
    await host.events.idle();
    const attempts = (await seen()).filter((r) => r.id === 'r');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((a) => a.retryContext?.retryCount ?? 0).sort()).toEqual([0, 1]);
    expect(attempts.find((a) => a.retryContext)?.retryContext?.retryReason).toBe('FUNCTION_UPSTREAM_RATE_LIMITED');
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
  });

  it('cuts a consumer off at its time limit and retries it with FUNCTION_TIME_OUT', async () => {
    await push('work', { body: { id: 't', action: 'sleep', ms: 1_500 } });
    await host.events.idle();
    const notes = (await seen()).filter((r) => r.id === 't');
    // First attempt: started, never ended (cut off at 300 ms). Retry: started and ended.
    expect(notes.filter((n) => n.note === 'start')).toHaveLength(2);
    expect(notes.filter((n) => n.note === 'end')).toEqual([
      expect.objectContaining({ retryContext: expect.objectContaining({ retryReason: 'FUNCTION_TIME_OUT' }) }),
    ]);
    const outcomes = host.events.deliveries().map((d) => d.outcome.kind);
    expect(outcomes).toEqual(['ended', 'ok']);
  });

  it("a crashed consumer's later calls are never made, and the event is retried", async () => {
    // Crash right after the first KVS write: the 'record' write lands, nothing after it does.
    host.events.planConsumerFault({ afterCalls: 1, match: (c) => c.kind === 'kvs' });
    await push('work', { body: { id: 'k', action: 'sleep', ms: 10 } });
    await host.events.idle();
    const notes = (await seen()).filter((r) => r.id === 'k');
    expect(notes.map((n) => `${n.note}:${n.retryContext?.retryCount ?? 0}`).sort()).toEqual([
      'end:1',
      'start:0',
      'start:1',
    ]);
    expect(host.events.deliveries()[0]?.outcome).toEqual({
      kind: 'ended',
      retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
    });
  });

  it(`gives up after ${MAX_RETRIES} retries`, async () => {
    for (let i = 0; i <= MAX_RETRIES; i++) host.events.planConsumerFault({ afterCalls: 1 });
    const { jobId } = await push('work', { body: { id: 'g' } });
    await host.events.idle();
    expect(host.events.deliveries()).toHaveLength(MAX_RETRIES + 1);
    const { value } = await host.invoke({
      module: 'events-page',
      functionKey: 'stats',
      payload: { queue: 'work', jobId },
      context: { accountId: 'u-ada' },
    });
    expect(value).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('does not retry a consumer that threw (Forge logs it)', async () => {
    await push('work', { body: { id: 'x', action: 'throw' } });
    await host.events.idle();
    expect(host.events.deliveries().map((d) => d.outcome.kind)).toEqual(['error']);
  });
});

describe("Forge's push limits, with the SDK's errors", () => {
  it('refuses more than 50 events in one push', async () => {
    const events = Array.from({ length: 51 }, (_, i) => ({ body: { id: `e${i}` } }));
    expect(await push('work', events)).toMatchObject({ error: 'TooManyEventsError' });
    expect(await push('work', events.slice(0, 50))).toMatchObject({ jobId: expect.any(String) });
  });

  it('refuses a push over 200 KB', async () => {
    const big = 'x'.repeat(205 * 1024);
    expect(await push('work', { body: { id: 'big', big } })).toMatchObject({ error: 'PayloadTooBigError' });
  });

  it('refuses one event over 100 KB for a consumer with timeoutSeconds over 55 (the platform, not the SDK)', async () => {
    const body = { id: 'mid', data: 'x'.repeat(120 * 1024) };
    expect(await push('long-work', { body })).toMatchObject({ error: 'PayloadTooBigError' });
    expect(await push('work', { body })).toMatchObject({ jobId: expect.any(String) });
  });

  it('refuses delayInSeconds over 900', async () => {
    expect(await push('work', { body: { id: 'd' }, delayInSeconds: 901 })).toMatchObject({
      error: 'InvalidPushSettingsError',
    });
  });

  it('refuses a push to a queue no consumer reads', async () => {
    expect(await push('nobody-reads-this', { body: { id: 'n' } })).toMatchObject({ error: 'InternalServerError' });
  });

  it('refuses an event whose body is not an object', async () => {
    expect(await push('work', { body: 'text' })).toMatchObject({ error: 'InvalidPayloadError' });
  });
});

describe('persistence', () => {
  it('an event queued when the host stops is delivered after it starts again (LOCAL_DATA_DIR)', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dataDir = mkdtempSync(join(tmpdir(), 'events-data-'));
    const first = await startHost({ projectRoot: EVENTS_APP, inMemory: false, dataDir, eventDelayScale: 1 });
    await first.invoke({
      module: 'events-page',
      functionKey: 'push',
      payload: { queue: 'work', events: { body: { id: 'later' }, delayInSeconds: 1 } },
      context: { accountId: 'u-ada' },
    });
    expect(first.events.emulator.pendingCount().queued).toBe(1);
    await first.close();
    const second = await startHost({ projectRoot: EVENTS_APP, inMemory: false, dataDir, eventDelayScale: 0 });
    try {
      await second.events.idle();
      const { value } = await second.invoke({
        module: 'events-page',
        functionKey: 'seen',
        context: { accountId: 'u-ada' },
      });
      expect((value as { seen: Seen[] }).seen.map((s) => s.id)).toEqual(['later']);
    } finally {
      await second.close();
    }
  });
});
