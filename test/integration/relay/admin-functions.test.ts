import { kvs } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { setRelayClock } from '../../../src/clock';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { ADA, link, message, relayState, signedPost } from './support';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterEach(() => setRelayClock());
afterAll(() => host.close());

const change = {
  spaceKeys: ['ENG'],
  subjects: [{ type: 'user', id: 'u-nina' }],
  operations: [{ key: 'read', target: 'space' }],
  action: 'grant',
};
const call = <T>(fn: string, payload: unknown, who: { accountId?: string } = ADA) =>
  invoke<Envelope<T>>(host, 'admin-page', fn, payload, who);

describe('only Confluence admins may use the Space permissions functions', () => {
  const payloads: Record<string, unknown> = {
    previewPermissionChanges: change,
    submitPermissionChanges: change,
    listPermissionJobs: {},
    getRelaySetup: {},
    rotateRelaySecret: { replaceUrl: true },
  };
  for (const [fn, payload] of Object.entries(payloads)) {
    for (const who of [{ accountId: 'u-bob' }, { accountId: 'u-sam' }, {}]) {
      it(`${fn} as ${who.accountId ?? 'anonymous'}: FORBIDDEN, nothing changed, no secret`, async () => {
        await link(host);
        const secretBefore = JSON.stringify(await kvs.getSecret('relay-link-secret'));
        const urlsBefore = JSON.stringify(host.webTriggers.list());
        const before = await relayState();
        const answer = await call<unknown>(fn, payload, who);
        expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(JSON.stringify(answer.body)).not.toContain(JSON.parse(secretBefore).secret);
        expect(await relayState()).toBe(before);
        expect(JSON.stringify(await kvs.getSecret('relay-link-secret'))).toBe(secretBefore);
        expect(JSON.stringify(host.webTriggers.list())).toBe(urlsBefore);
      });
    }
  }
});

describe('linking', () => {
  it('shows the secret once: the setup view has only its fingerprint', async () => {
    const rotated = dataOf(
      await call<{ secret: string; fingerprint: string; webTriggerUrl: string }>('rotateRelaySecret', {}),
    );
    expect(rotated.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const setup = dataOf(
      await call<{ webTriggerUrl: string; link: { linked: boolean; fingerprint: string } }>('getRelaySetup', {}),
    );
    expect(setup.webTriggerUrl).toBe(rotated.webTriggerUrl);
    expect(setup.link).toMatchObject({ linked: true, fingerprint: rotated.fingerprint });
    expect(JSON.stringify(setup)).not.toContain(rotated.secret);
  });

  it('rotation refuses the old secret at once; replacing the URL retires the old URL', async () => {
    const old = await link(host);
    expect((await signedPost(old, message({ type: 'status' }))).status).toBe(200);
    const fresh = await link(host, { replaceUrl: true });
    expect(fresh.url).not.toBe(old.url);
    expect((await signedPost({ url: fresh.url, secret: old.secret }, message({ type: 'status' }))).status).toBe(401);
    expect((await signedPost(old, message({ type: 'status' }))).status).toBe(404);
    expect((await signedPost(fresh, message({ type: 'status' }))).status).toBe(200);
  });

  it('warns when changes wait and the relay has not been seen for a while', async () => {
    const linked = await link(host);
    await signedPost(linked, message({ type: 'status' }));
    dataOf(
      await call('submitPermissionChanges', {
        ...change,
        spaceKeys: ['PG'],
        subjects: [{ type: 'user', id: 'u-nina' }],
        operations: [{ key: 'export', target: 'space' }],
      }),
    );
    const fresh = dataOf(await call<{ warning?: string; relay: { version: string } }>('getRelaySetup', {}));
    expect(fresh.warning).toBeUndefined();
    expect(fresh.relay.version).toBe('test-1.0.0');
    setRelayClock(() => Date.now() + 11 * 60_000);
    const later = dataOf(await call<{ warning?: string }>('getRelaySetup', {}));
    expect(later.warning).toMatch(/last seen 11 minutes ago/);
  });
});

describe('preview and submit', () => {
  it('shows what will change and what is already so, in apply order', async () => {
    const preview = dataOf(
      await call<{
        rows: { spaceKey: string; subject: { id: string; name: string }; operation: { key: string }; status: string }[];
        changes: number;
        already: number;
      }>('previewPermissionChanges', {
        spaceKeys: ['ENG', 'MKT'],
        subjects: [{ type: 'user', id: 'u-bob' }],
        operations: [
          { key: 'create', target: 'page' },
          { key: 'read', target: 'space' },
        ],
        action: 'grant',
      }),
    );
    expect(preview.rows.map((r) => `${r.spaceKey} ${r.subject.name} ${r.operation.key} ${r.status}`)).toEqual([
      'ENG Bob Smith read already',
      'ENG Bob Smith create already',
      'MKT Bob Smith read change',
      'MKT Bob Smith create change',
    ]);
    expect([preview.changes, preview.already]).toEqual([2, 2]);
  });

  it.each([
    [{ ...change, spaceKeys: [] }, 'spaceKeys'],
    [{ ...change, spaceKeys: ['NOPE'] }, 'spaceKeys'],
    [{ ...change, operations: [{ key: 'create', target: 'space' }] }, 'operations[0]'],
    [{ ...change, subjects: [{ type: 'user', id: 'u-ghost' }] }, 'subjects[0].id'],
    [{ ...change, action: 'delete' }, 'action'],
    [{ ...change, extra: 1 }, 'extra'],
  ])('refuses bad input with the field named and stores nothing (%#)', async (payload, field) => {
    const before = await relayState();
    const answer = await call('submitPermissionChanges', payload);
    expect(answer.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: expect.stringContaining(field) },
    });
    expect(await relayState()).toBe(before);
  });

  it('refuses a job where everything is already so', async () => {
    const answer = await call('submitPermissionChanges', { ...change, subjects: [{ type: 'user', id: 'u-sam' }] });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('lists jobs newest first with who submitted them', async () => {
    const { jobId } = dataOf(
      await call<{ jobId: string }>('submitPermissionChanges', { ...change, spaceKeys: ['HR'] }),
    );
    const { jobs } = dataOf(
      await call<{ jobs: { id: string; submittedBy: { displayName: string }; items: { state: string }[] }[] }>(
        'listPermissionJobs',
        {},
      ),
    );
    expect(jobs[0]).toMatchObject({
      id: jobId,
      submittedBy: { displayName: 'Ada Lovelace' },
      items: [{ state: 'queued' }],
    });
  });
});
