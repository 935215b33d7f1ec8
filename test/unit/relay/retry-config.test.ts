import fc from 'fast-check';
import { ConfigError, loadConfig } from '../../../relay/src/config';
import { backoffMs, HttpFailure, retryAfterMs, RetryPolicy, withRetries } from '../../../relay/src/retry';
import { sign, verify } from '../../../src/contract/relay-protocol';

const SECRET = 'a'.repeat(43);
const base = {
  CONFLUENCE_SITE_URL: 'https://example.atlassian.net/wiki/',
  CONFLUENCE_EMAIL: 'relay@example.com',
  CONFLUENCE_API_TOKEN: 'tok',
  RELAY_TRIGGER_URL: 'https://x.example/x1/abc',
  RELAY_LINK_SECRET: SECRET,
};

describe('retries', () => {
  it('backoff is full jitter under a capped exponential ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const ms = backoffMs({ baseDelayMs: 500, maxDelayMs: 30_000, random: () => r }, attempt);
        return ms >= 0 && ms <= Math.min(30_000, 500 * 2 ** (attempt - 1));
      }),
    );
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('7', 0)).toBe(7000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });

  it('retries 429/5xx/network up to maxAttempts, honouring Retry-After, and nothing else', async () => {
    const waits: number[] = [];
    const policy: RetryPolicy = {
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      now: () => 0,
    };
    let calls = 0;
    await expect(
      withRetries(policy, 't', async () => {
        calls++;
        throw new HttpFailure(429, 'busy', '2');
      }),
    ).rejects.toThrow('busy');
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 2000]);
    calls = 0;
    await expect(
      withRetries(policy, 't', async () => {
        calls++;
        throw new Error('not http');
      }),
    ).rejects.toThrow('not http');
    expect(calls).toBe(1);
  });
});

describe('config', () => {
  it('reads the environment and strips /wiki from the site URL', () => {
    const c = loadConfig(['--once'], base);
    expect(c).toMatchObject({
      siteUrl: 'https://example.atlassian.net',
      once: true,
      dryRun: false,
      batch: 25,
      concurrency: 8,
    });
  });

  it('takes the concurrency from RELAY_CONCURRENCY, the flag winning', () => {
    expect(loadConfig([], { ...base, RELAY_CONCURRENCY: '3' }).concurrency).toBe(3);
    expect(loadConfig(['--concurrency', '12'], { ...base, RELAY_CONCURRENCY: '3' }).concurrency).toBe(12);
  });

  it.each([
    [['--token', 'x'], {}, /not accepted/],
    [[], { CONFLUENCE_SITE_URL: 'http://example.com' }, /https/],
    [[], { CONFLUENCE_EMAIL: 'nope' }, /not an email/],
    [[], { CONFLUENCE_API_TOKEN: '' }, /API token is missing/],
    [['--token-file', '/does/not/exist'], {}, /Cannot read the API token file/],
    [[], { RELAY_LINK_SECRET: 'x' }, /not in the shape/],
    [['--batch', '99'], {}, /--batch must be a whole number from 1 to 25/],
    [['--bogus'], {}, /Unknown option --bogus/],
    [['--concurrency', '0'], {}, /--concurrency must be a whole number from 1 to 32/],
    [[], { RELAY_CONCURRENCY: '64' }, /--concurrency must be a whole number from 1 to 32/],
  ])('refuses %j %j', (argv, env, message) => {
    expect(() => loadConfig(argv, { ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig(argv, { ...base, ...env })).toThrow(message);
  });
});

describe('signatures', () => {
  it('verify accepts exactly the signed body, timestamp and nonce', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (body, other) => {
        const s = sign(SECRET, '1700000000000', 'nonce-nonce-nonce-1', body);
        return (
          verify(SECRET, '1700000000000', 'nonce-nonce-nonce-1', body, s) &&
          (other === body || !verify(SECRET, '1700000000000', 'nonce-nonce-nonce-1', other, s))
        );
      }),
    );
    const s = sign(SECRET, '1', 'n', 'b');
    expect(verify(SECRET, '2', 'n', 'b', s)).toBe(false);
    expect(verify(SECRET, '1', 'm', 'b', s)).toBe(false);
    expect(verify('b'.repeat(43), '1', 'n', 'b', s)).toBe(false);
    expect(verify(SECRET, '1', 'n', 'b', 'zz')).toBe(false);
  });
});
