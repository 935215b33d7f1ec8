import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import { basicAuth, invoke, startHost } from '../../support/local-host';

const ECHO_APP = join(__dirname, '..', '..', 'fixtures', 'echo-app');

let host: LocalHost;
beforeAll(async () => {
  host = await startHost({ projectRoot: ECHO_APP, timeLimitsMs: { resolver: 300 } });
});
afterAll(() => host.close());

describe('POST /__local/invoke', () => {
  it('runs the resolver with the context Forge gives a global settings page', async () => {
    const answer = await invoke<{ context: Record<string, unknown> }>(
      host,
      'echo-page',
      'whoami',
      {},
      { accountId: 'u-ada' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.context).toMatchObject({
      accountId: 'u-ada',
      moduleKey: 'echo-page',
      cloudId: host.app.cloudId,
      siteUrl: host.url,
      extension: { type: 'confluence:globalSettings' },
      installContext: `ari:cloud:confluence::site/${host.app.cloudId}`,
    });
    expect(typeof answer.body.context.localId).toBe('string');
  });

  it('gives a space settings page its space {id, key} from the fixture', async () => {
    const answer = await invoke<{ context: { extension: unknown } }>(
      host,
      'echo-space',
      'whoami',
      {},
      { accountId: 'u-sam', spaceKey: 'HR' },
    );
    expect(answer.body.context.extension).toEqual({
      type: 'confluence:spaceSettings',
      space: { id: '1002', key: 'HR' },
    });
  });

  it('refuses unknown modules, users and spaces with a clear message', async () => {
    expect((await invoke(host, 'nope', 'whoami', {}, {})).status).toBe(404);
    const user = await invoke<{ error: { message: string } }>(
      host,
      'echo-page',
      'whoami',
      {},
      { accountId: 'u-ghost' },
    );
    expect(user.status).toBe(400);
    expect(user.body.error.message).toMatch(/u-ghost/);
    const space = await invoke(host, 'echo-space', 'whoami', {}, { accountId: 'u-sam' });
    expect(space.status).toBe(400);
  });

  it('answers 500 when the resolver throws, as invoke() rejects on Forge', async () => {
    const answer = await invoke<{ error: { message: string } }>(host, 'echo-page', 'boom', {}, { accountId: 'u-ada' });
    expect(answer.status).toBe(500);
    expect(answer.body.error.message).toMatch(/kaboom/);
  });

  it('cuts an invocation off at its time limit', async () => {
    const answer = await invoke(host, 'echo-page', 'slow', { ms: 1000 }, { accountId: 'u-ada' });
    expect(answer.status).toBe(504);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${host.url}/__local/invoke`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
  });
});

describe('platform calls', () => {
  it('routes asUser() product calls to the emulated site as the invoking user', async () => {
    const answer = await invoke<{ status: number; body: { accountId: string } }>(
      host,
      'echo-page',
      'me',
      {},
      { accountId: 'u-jane' },
    );
    expect(answer.body.status).toBe(200);
    expect(answer.body.body.accountId).toBe('u-jane');
  });

  it('refuses product calls the manifest scopes do not cover, as Atlassian does', async () => {
    const answer = await invoke<{ status: number }>(host, 'echo-page', 'spaces', {}, { accountId: 'u-jane' });
    expect(answer.body.status).toBe(401);
  });

  it('persists KVS writes across invocations through the real @forge/kvs SDK', async () => {
    const first = await invoke<{ value: number }>(host, 'echo-page', 'counter', {}, { accountId: 'u-ada' });
    const second = await invoke<{ value: number }>(host, 'echo-page', 'counter', {}, { accountId: 'u-ada' });
    expect(second.body.value).toBe(first.body.value + 1);
    expect(second.platformCalls).toMatchObject({ kvs: 2, total: 2, sequentialDepth: 2 });
  });

  it('counts parallel calls as one sequential round trip', async () => {
    const answer = await invoke(host, 'echo-page', 'parallel', {}, { accountId: 'u-ada' });
    expect(answer.platformCalls).toMatchObject({ kvs: 4, sequentialDepth: 2 });
  });

  it('reports each invocation at GET /__local/stats', async () => {
    await invoke(host, 'echo-page', 'parallel', {}, { accountId: 'u-ada' });
    const stats = (await (await fetch(`${host.url}/__local/stats`)).json()) as {
      invocations: { functionKey: string; calls: { byKind: { kvs: number } } }[];
    };
    expect(stats.invocations[0]).toMatchObject({ functionKey: 'parallel', calls: { byKind: { kvs: 4 } } });
  });
});

describe('web triggers', () => {
  it('getUrl answers a local URL that runs the handler with the request shape Forge documents', async () => {
    const { body } = await invoke<{ url: string }>(host, 'echo-page', 'triggerUrl', {}, { accountId: 'u-ada' });
    expect(body.url).toMatch(new RegExp(`^${host.url}/x1/[0-9a-f]{32}$`));
    const again = await invoke<{ url: string }>(host, 'echo-page', 'triggerUrl', {}, { accountId: 'u-ada' });
    expect(again.body.url).toBe(body.url);

    const response = await fetch(`${body.url}/extra/path?a=1&a=2`, {
      method: 'POST',
      headers: { 'X-Test': 'yes' },
      body: '{"hello":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const echoed = (await response.json()) as { request: Record<string, unknown>; context: Record<string, unknown> };
    expect(echoed.request).toMatchObject({
      method: 'POST',
      body: '{"hello":1}',
      userPath: '/extra/path',
      queryParameters: { a: ['1', '2'] },
    });
    expect((echoed.request.headers as Record<string, string[]>)['x-test']).toEqual(['yes']);
    expect(echoed.context).toMatchObject({ installContext: `ari:cloud:confluence::site/${host.app.cloudId}` });
  });

  it('replaces a URL with forceCreate and deleteUrl', async () => {
    const { body: old } = await invoke<{ url: string }>(host, 'echo-page', 'triggerUrl', {}, { accountId: 'u-ada' });
    const { body: fresh } = await invoke<{ url: string }>(
      host,
      'echo-page',
      'triggerUrl',
      { force: true },
      { accountId: 'u-ada' },
    );
    expect(fresh.url).not.toBe(old.url);
    await invoke(host, 'echo-page', 'deleteTriggerUrl', { url: old.url }, { accountId: 'u-ada' });
    expect((await fetch(old.url, { method: 'POST', body: '' })).status).toBe(404);
    expect((await fetch(fresh.url, { method: 'POST', body: '' })).status).toBe(200);
  });
});

describe('Custom UI and the emulated site over HTTP', () => {
  it('serves a resource with the bridge injected first and a Forge-like CSP', async () => {
    const response = await fetch(`${host.url}/__local/frame/echo-page/index.html?accountId=u-ada`);
    const html = await response.text();
    expect(html).toMatch(/<head><script src="\/__local\/bridge.js"><\/script>/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await fetch(`${host.url}/__local/frame/echo-page/../../manifest.yml`)).status).toBe(404);
  });

  it('serves the host page with persona and space switchers', async () => {
    const html = await (await fetch(`${host.url}/spaces/MKT/settings/echo?as=u-sam`)).text();
    expect(html).toMatch(/Acting as/);
    expect(html).toMatch(/<option value="u-sam" selected>/);
    expect(html).toMatch(/<option value="MKT" selected>/);
    expect(html).toMatch(/__local\/frame\/echo-space\/index.html\?accountId=u-sam/);
  });

  it('answers the Confluence REST API with Basic auth of a fixture user', async () => {
    const ok = await fetch(`${host.url}/wiki/rest/api/user/current`, {
      headers: { authorization: basicAuth('ada@example.com', 'local-ada') },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { accountId: string }).accountId).toBe('u-ada');
    const bad = await fetch(`${host.url}/wiki/rest/api/user/current`, {
      headers: { authorization: basicAuth('ada@example.com', 'wrong') },
    });
    expect(bad.status).toBe(401);
  });

  it('turns an injected dropped connection into a closed socket, then answers again', async () => {
    host.confluence.faults.add({ fault: { kind: 'drop', when: 'before' }, method: 'GET', times: 1 });
    const headers = { authorization: basicAuth('ada@example.com', 'local-ada') };
    await expect(fetch(`${host.url}/wiki/rest/api/user/current`, { headers })).rejects.toThrow();
    expect((await fetch(`${host.url}/wiki/rest/api/user/current`, { headers })).status).toBe(200);
  });
});
