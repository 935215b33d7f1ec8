import type { LocalHost } from '../../../local/host/create-host';
import { setRelayClock } from '../../../src/clock';
import { HEADERS, MAX_BODY_BYTES, verify } from '../../../src/contract/relay-protocol';
import { startHost } from '../../support/local-host';
import { link, Linked, message, relayState, signedPost, submit } from './support';

let host: LocalHost;
let linked: Linked;

beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
  // Nina reads MKT but not ENG: granting her read/space in ENG and HR-less create/page makes two changes.
  await submit(host, {
    spaceKeys: ['ENG'],
    subjects: [{ type: 'user', id: 'u-nina' }],
    operations: [
      { key: 'read', target: 'space' },
      { key: 'create', target: 'page' },
    ],
    action: 'grant',
  });
});
afterAll(async () => {
  setRelayClock();
  await host.close();
});

describe('refused requests change nothing', () => {
  const lease = message({ type: 'lease', max: 5 });

  async function expectRefused(send: () => Promise<Response>, status: number, code: string, withNonces = true) {
    const before = await relayState(withNonces);
    const response = await send();
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await relayState(withNonces)).toBe(before);
  }

  it('unsigned: 401', () =>
    expectRefused(
      () => fetch(linked.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: lease }),
      401,
      'UNSIGNED',
    ));

  it('signed with another secret: 401', () =>
    expectRefused(() => signedPost(linked, lease, { secret: 'not-the-link-secret' }), 401, 'BAD_SIGNATURE'));

  it('signature of a different body: 401', () =>
    expectRefused(
      async () => {
        const timestamp = String(Date.now());
        const nonce = 'abcdefghijklmnopqrstuv';
        const good = await import('../../../src/contract/relay-protocol').then((p) =>
          p.sign(linked.secret, timestamp, nonce, lease),
        );
        return fetch(linked.url, {
          method: 'POST',
          headers: {
            [HEADERS.protocol]: '1',
            [HEADERS.timestamp]: timestamp,
            [HEADERS.nonce]: nonce,
            [HEADERS.signature]: good,
          },
          body: lease.replace('"max":5', '"max":25'),
        });
      },
      401,
      'BAD_SIGNATURE',
    ));

  it('stale timestamp (6 minutes old): 401', () =>
    expectRefused(() => signedPost(linked, lease, { timestamp: Date.now() - 6 * 60_000 }), 401, 'STALE'));

  it('timestamp from the future: 401', () =>
    expectRefused(() => signedPost(linked, lease, { timestamp: Date.now() + 6 * 60_000 }), 401, 'STALE'));

  it('replayed nonce: the second request is refused and changes nothing', async () => {
    const nonce = 'replay-me-0123456789';
    const status = message({ type: 'status' });
    expect((await signedPost(linked, status, { nonce })).status).toBe(200);
    await expectRefused(() => signedPost(linked, status, { nonce }), 401, 'REPLAYED');
  });

  it('the same nonce at the same moment: exactly one is accepted', async () => {
    const nonce = 'concurrent-nonce-0123456';
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => signedPost(linked, message({ type: 'status' }), { nonce })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
  });

  it(`a body over ${MAX_BODY_BYTES} bytes: 413`, () =>
    expectRefused(
      () => signedPost(linked, message({ type: 'status', pad: 'x'.repeat(MAX_BODY_BYTES) })),
      413,
      'TOO_LARGE',
    ));

  it('signed but not JSON: 400, and the queue is untouched', () =>
    expectRefused(() => signedPost(linked, '{"protocol":1,'), 400, 'MALFORMED', false));

  it('signed JSON of the wrong shape: 400 naming the field', async () => {
    const before = await relayState(false);
    const response = await signedPost(linked, message({ type: 'lease', max: 500 }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^max:/);
    expect(await relayState(false)).toBe(before);
  });

  it('an unknown message type: 400', () =>
    expectRefused(() => signedPost(linked, message({ type: 'grant-everything' })), 400, 'MALFORMED', false));

  it('protocol header 3: 400 with the supported versions', async () => {
    const before = await relayState();
    const response = await signedPost(linked, lease, { protocolHeader: '3' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_PROTOCOL', supported: [1, 2] } });
    expect(await relayState()).toBe(before);
  });

  it('protocol 1 in the body under a version-2 header: 400', () =>
    expectRefused(() => signedPost(linked, lease.replace('"protocol":2', '"protocol":1')), 400, 'MALFORMED', false));

  it('GET: 405', () => expectRefused(() => signedPost(linked, '', { method: 'GET' }), 405, 'METHOD_NOT_ALLOWED'));
});

describe('leases and results', () => {
  type Lease = {
    items: { itemId: string; leaseToken: string; attempt: number; spaceKey: string; operation: { key: string } }[];
    more: boolean;
  };

  async function call<T>(body: string): Promise<T> {
    const response = await signedPost(linked, body);
    expect(response.status).toBe(200);
    const text = await response.text();
    // Every answer is signed for this request.
    const h = (n: string) => response.headers.get(n) ?? '';
    expect(verify(linked.secret, h(HEADERS.timestamp), h(HEADERS.nonce), text, h(HEADERS.signature))).toBe(true);
    return JSON.parse(text) as T;
  }

  it("leases in apply order, lets a dead relay's lease expire, and records each result once", async () => {
    let clock = Date.now();
    setRelayClock(() => clock);
    const first = await call<Lease>(message({ type: 'lease', max: 5, leaseSeconds: 30 }));
    expect(first.items.map((i) => `${i.spaceKey} ${i.operation.key}`)).toEqual(['ENG read', 'ENG create']);
    expect(first.items.every((i) => i.attempt === 1)).toBe(true);

    // Leased items are not handed out again while the lease runs.
    expect((await call<Lease>(message({ type: 'lease', max: 5 }))).items).toEqual([]);

    // The relay dies; 31 s later the items are leased again with new tokens.
    clock += 31_000;
    const again = await call<Lease>(message({ type: 'lease', max: 5, leaseSeconds: 30 }));
    expect(again.items.map((i) => i.itemId)).toEqual(first.items.map((i) => i.itemId));
    expect(again.items.every((i) => i.attempt === 2)).toBe(true);

    const [read, create] = again.items;
    const results = [
      { itemId: read!.itemId, leaseToken: read!.leaseToken, outcome: 'applied' },
      { itemId: create!.itemId, leaseToken: create!.leaseToken, outcome: 'already' },
    ];
    expect((await call<{ results: unknown[] }>(message({ type: 'report', results }))).results).toEqual([
      { itemId: read!.itemId, status: 'recorded', state: 'applied' },
      { itemId: create!.itemId, status: 'recorded', state: 'already' },
    ]);
    // The same report again (a retry after a lost answer), and the dead relay's late report: duplicates, nothing changes.
    const before = await relayState(false);
    const stale = [
      { itemId: read!.itemId, leaseToken: first.items[0]!.leaseToken, outcome: 'failed', message: 'late' },
    ];
    expect(
      (await call<{ results: { status: string; state: string }[] }>(message({ type: 'report', results }))).results.map(
        (r) => r.status,
      ),
    ).toEqual(['duplicate', 'duplicate']);
    expect(
      (await call<{ results: { status: string; state: string }[] }>(message({ type: 'report', results: stale })))
        .results,
    ).toEqual([{ itemId: read!.itemId, status: 'duplicate', state: 'applied' }]);
    const after = JSON.parse(await relayState(false)) as { items: unknown[]; jobs: unknown[] };
    const beforeParsed = JSON.parse(before) as { items: unknown[]; jobs: unknown[] };
    expect(after.items).toEqual(beforeParsed.items);
    expect(after.jobs).toEqual(beforeParsed.jobs);
  });

  it('answers unknown for a token the item never handed out', async () => {
    const answer = await call<{ results: unknown[] }>(
      message({
        type: 'report',
        results: [{ itemId: 'j000000000ffffffff.00000', leaseToken: 'a'.repeat(24), outcome: 'applied' }],
      }),
    );
    expect(answer.results).toEqual([{ itemId: 'j000000000ffffffff.00000', status: 'unknown' }]);
  });

  it('ten relays leasing at once never share an item', async () => {
    setRelayClock();
    await submit(host, {
      spaceKeys: ['MKT', 'HR', 'PG'],
      subjects: [{ type: 'user', id: 'u-ada' }],
      operations: [
        { key: 'read', target: 'space' },
        { key: 'export', target: 'space' },
      ],
      action: 'grant',
    });
    const leases = await Promise.all(Array.from({ length: 10 }, () => call<Lease>(message({ type: 'lease', max: 2 }))));
    const ids = leases.flatMap((l) => l.items.map((i) => i.itemId));
    expect(ids.length).toBe(6);
    expect(new Set(ids).size).toBe(6);
  });
});
