import { ConfluenceEmulator, createConfluenceServer, loadDirectory, WRITE_ROUTES } from '../../../local/confluence';
import { OPERATIONS } from '../../../src/contract/relay-protocol';
import { basicAuth } from '../../support/local-host';

// Sam administers MKT, HR, PG and ENG in the demo fixture; Nina administers nothing.
const SAM = basicAuth('sam@example.com', 'local-sam');
const NINA = basicAuth('nina@example.com', 'local-nina');

let emulator: ConfluenceEmulator;
let site: { url: string; close(): Promise<void> };

beforeEach(async () => {
  emulator = new ConfluenceEmulator(loadDirectory());
  site = await createConfluenceServer(emulator);
});
afterEach(() => site.close());

const grant = (space: string, body: unknown, auth = SAM) =>
  fetch(`${site.url}/wiki/rest/api/space/${space}/permission`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const remove = (space: string, id: string, auth = SAM) =>
  fetch(`${site.url}/wiki/rest/api/space/${space}/permission/${id}`, {
    method: 'DELETE',
    headers: { authorization: auth },
  });
const user = (id: string) => ({ type: 'user', identifier: id });
const op = (key: string, target: string) => ({ key, target });
const holds = (spaceKey: string, subjectId: string, key: string, target: string) =>
  emulator.site
    .permissions(emulator.site.spaceByKey(spaceKey)!.id)
    .some((p) => p.subject.id === subjectId && p.operation.key === key && p.operation.target === target);

describe('POST /wiki/rest/api/space/{spaceKey}/permission', () => {
  it('grants and answers the SpacePermissionV2 shape', async () => {
    const response = await grant('ENG', { subject: user('u-nina'), operation: op('read', 'space') });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: expect.any(Number),
      subject: { type: 'user', identifier: 'u-nina' },
      operation: { key: 'read', target: 'space' },
    });
    expect(holds('ENG', 'u-nina', 'read', 'space')).toBe(true);
  });

  it('accepts every documented key/target pair', async () => {
    await grant('ENG', { subject: user('u-nina'), operation: op('read', 'space') });
    for (const o of OPERATIONS.filter((o) => o.key !== 'read')) {
      expect((await grant('ENG', { subject: user('u-nina'), operation: o })).status).toBe(200);
    }
    expect(emulator.site.changes).toHaveLength(OPERATIONS.length);
  });

  it('identifies a group by id or by name', async () => {
    expect(
      (await grant('ENG', { subject: { type: 'group', identifier: 'g-power' }, operation: op('read', 'space') }))
        .status,
    ).toBe(200);
    expect(
      (await grant('ENG', { subject: { type: 'group', identifier: 'power-users' }, operation: op('export', 'space') }))
        .status,
    ).toBe(200);
    expect(holds('ENG', 'g-power', 'export', 'space')).toBe(true);
  });

  it.each([
    ['unknown space', 'NOPE', { subject: user('u-nina'), operation: op('read', 'space') }, 404, /No space/],
    ['already exists', 'MKT', { subject: user('u-sam'), operation: op('read', 'space') }, 400, /already exists/],
    [
      'no read/space yet',
      'ENG',
      { subject: user('u-nina'), operation: op('create', 'page') },
      400,
      /Read space permission must be granted/,
    ],
    ['invalid pair', 'ENG', { subject: user('u-nina'), operation: op('create', 'space') }, 400, /Invalid operation/],
    ['unknown user', 'ENG', { subject: user('u-ghost'), operation: op('read', 'space') }, 400, /No user/],
    ['missing subject', 'ENG', { operation: op('read', 'space') }, 400, /subject/],
    ['not JSON', 'ENG', '{', 400, /JSON/],
  ])('%s: %s', async (_name, space, body, status, message) => {
    const before = JSON.stringify(emulator.directory);
    const response = await grant(space, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
    expect(JSON.stringify(emulator.directory)).toBe(before);
  });

  it('403 for a user who does not administer the space', async () => {
    const response = await grant('MKT', { subject: user('u-nina'), operation: op('export', 'space') }, NINA);
    expect(response.status).toBe(403);
  });

  it('401 for a wrong API token, anonymous callers too', async () => {
    expect(
      (
        await grant(
          'ENG',
          { subject: user('u-nina'), operation: op('read', 'space') },
          basicAuth('sam@example.com', 'wrong'),
        )
      ).status,
    ).toBe(401);
    expect((await fetch(`${site.url}/wiki/rest/api/space/ENG/permission`, { method: 'POST', body: '{}' })).status).toBe(
      401,
    );
  });

  it('403 when the app calls it, as the reference says', async () => {
    const answer = await emulator.handle(
      {
        method: 'POST',
        path: '/wiki/rest/api/space/ENG/permission',
        headers: {},
        body: JSON.stringify({ subject: user('u-nina'), operation: op('read', 'space') }),
      },
      { kind: 'app' },
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/Apps cannot access this REST resource/);
  });
});

describe('DELETE /wiki/rest/api/space/{spaceKey}/permission/{id}', () => {
  const idOf = (spaceKey: string, subjectId: string, key: string, target: string) =>
    emulator.site
      .permissions(emulator.site.spaceByKey(spaceKey)!.id)
      .find((p) => p.subject.id === subjectId && p.operation.key === key && p.operation.target === target)!.id;

  it('removes and answers 204', async () => {
    const response = await remove('ENG', idOf('ENG', 'u-bob', 'create', 'page'));
    expect(response.status).toBe(204);
    expect(holds('ENG', 'u-bob', 'create', 'page')).toBe(false);
  });

  it('removing read/space removes every permission of that subject in the space', async () => {
    expect((await remove('ENG', idOf('ENG', 'u-bob', 'read', 'space'))).status).toBe(204);
    expect(emulator.site.permissions('1004').filter((p) => p.subject.id === 'u-bob')).toEqual([]);
  });

  it('404 for an unknown id, 400 for a non-number', async () => {
    expect((await remove('ENG', '999999')).status).toBe(404);
    expect((await remove('ENG', 'abc')).status).toBe(400);
  });

  it('400 when it would remove the last admin of the space', async () => {
    // Sam is ENG's only admin: neither his administer/space nor his read/space (which would take it along) may go.
    const before = JSON.stringify(emulator.directory);
    const direct = await remove('ENG', idOf('ENG', 'u-sam', 'administer', 'space'));
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { message: string }).message).toMatch(/last admin/);
    expect((await remove('ENG', idOf('ENG', 'u-sam', 'read', 'space'))).status).toBe(400);
    expect(JSON.stringify(emulator.directory)).toBe(before);
  });

  it('checks scopes and reference pages like the read routes', () => {
    for (const r of WRITE_ROUTES) {
      expect(r.doc).toMatch(
        /^https:\/\/developer\.atlassian\.com\/cloud\/confluence\/rest\/v1\/api-group-space-permissions\//,
      );
      expect(emulator.scopeAlternatives(r.method, r.pattern.replace('{spaceKey}', 'ENG').replace('{id}', '1'))).toEqual(
        [['read:space.permission:confluence', 'write:space.permission:confluence']],
      );
    }
  });
});

describe('fault injection', () => {
  const body = { subject: user('u-nina'), operation: op('read', 'space') };

  it('429 with Retry-After, a set number of times, without applying anything', async () => {
    emulator.faults.add({ fault: { kind: 'status', status: 429, retryAfter: '2' }, method: 'POST', times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await grant('ENG', body);
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
    }
    expect(emulator.site.changes).toEqual([]);
    expect((await grant('ENG', body)).status).toBe(200);
  });

  it('500 on v2 reads answers the v2 error shape', async () => {
    emulator.faults.add({ fault: { kind: 'status', status: 500 }, path: '/wiki/api/v2/' });
    const r = await fetch(`${site.url}/wiki/api/v2/spaces/1004/permissions`, { headers: { authorization: SAM } });
    expect(r.status).toBe(500);
    expect(await r.json()).toMatchObject({ errors: [{ status: 500, code: 'INTERNAL_SERVER_ERROR' }] });
  });

  it('drop before: a network error and no change', async () => {
    emulator.faults.add({ fault: { kind: 'drop', when: 'before' }, times: 1 });
    await expect(grant('ENG', body)).rejects.toThrow();
    expect(emulator.site.changes).toEqual([]);
  });

  it('drop after: a network error, but the change was made', async () => {
    emulator.faults.add({ fault: { kind: 'drop', when: 'after' }, times: 1 });
    await expect(grant('ENG', body)).rejects.toThrow();
    expect(emulator.site.changes).toHaveLength(1);
    expect((await grant('ENG', body)).status).toBe(400); // already exists
  });

  it('slow answers', async () => {
    emulator.faults.add({ fault: { kind: 'delay', ms: 150 }, times: 1 });
    const started = Date.now();
    await fetch(`${site.url}/wiki/api/v2/spaces/1004/permissions`, { headers: { authorization: SAM } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(emulator.faults.injected.map((f) => f.fault.kind)).toEqual(['delay']);
  });

  it('probabilistic faults follow the seed', () => {
    const pattern = (seed: number) => {
      const e = new ConfluenceEmulator(loadDirectory());
      e.faults.seed(seed).add({ fault: { kind: 'status', status: 503 }, probability: 0.5 });
      return Array.from({ length: 20 }, () => e.faults.pick('GET', '/wiki/x', { kind: 'app' }).length).join('');
    };
    expect(pattern(7)).toBe(pattern(7));
    expect(pattern(7)).not.toBe(pattern(8));
  });
});
