/** Per-installation rate limits answer 429 RATE_LIMIT_EXCEEDED, through the real SDK. */
import { kvs } from '@forge/kvs';
import { DEFAULT_KVS_LIMITS, KvsEmulator } from '../../../local/kvs';
import { expectKvsError, FakeClock, installEmulator } from './support';

describe('rate limits', () => {
  let emulator: KvsEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
  });

  it('defaults to the documented 1000 requests per second and 4000 units a minute', () => {
    expect(DEFAULT_KVS_LIMITS).toMatchObject({
      requestsPerSecond: 1000,
      readUnitsPerMinute: 4000,
      writeUnitsPerMinute: 4000,
    });
  });

  it('admits 1000 requests in a second and refuses the 1001st, then admits again a second later', async () => {
    const clock = new FakeClock();
    emulator = new KvsEmulator({ now: clock.now });
    installEmulator(emulator);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => kvs.get(`k${i % 7}`)));
    await expectKvsError(kvs.get('k'), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(999);
    await expectKvsError(kvs.set('k', 1), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(1);
    await kvs.set('k', 1);
    expect(await kvs.get('k')).toBe(1);
  });

  it('counts write units per started 10 KB and refuses past the per-minute budget', async () => {
    const clock = new FakeClock();
    emulator = new KvsEmulator({ now: clock.now, limits: { writeUnitsPerMinute: 10 } });
    installEmulator(emulator);
    await kvs.set('big', 'x'.repeat(25_000)); // 3 units
    for (let i = 0; i < 7; i++) await kvs.set(`small${i}`, i); // 7 units
    await expectKvsError(kvs.set('one-more', 1), 'RATE_LIMIT_EXCEEDED', 429);
    expect(await kvs.get('small0')).toBe(0); // reads have their own budget
    clock.advance(60_000);
    await kvs.set('one-more', 1);
  });

  it('does not count a refused request, and a lowered limit applies', async () => {
    const clock = new FakeClock();
    emulator = new KvsEmulator({ now: clock.now, limits: { requestsPerSecond: 3 } });
    installEmulator(emulator);
    await kvs.set('a', 1);
    await kvs.set('b', 2);
    await kvs.set('c', 3);
    for (let i = 0; i < 5; i++) await expectKvsError(kvs.get('a'), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(1_000);
    expect(await kvs.get('a')).toBe(1);
  });
});
