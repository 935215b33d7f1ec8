import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import { startRelay } from './run-relay';
import { link, Linked, submit } from './support';

/**
 * The relay's API token is for Confluence only: a recording proxy in front of
 * the app's web trigger sees every byte the relay sends the app, and none of
 * them is the token or the Basic credential made from it.
 */
const TOKEN = 'local-sam';
let host: LocalHost;
let linked: Linked;
let proxy: Server;
let proxyUrl: string;
const seen: string[] = [];

const read = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((done) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => done(Buffer.concat(chunks)));
  });

beforeAll(async () => {
  host = await startHost();
  linked = await link(host);
  const target = new URL(linked.url);
  proxy = createServer(async (req, res) => {
    const body = await read(req);
    seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body.toString('utf8')}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && name !== 'host') headers[name] = value;
    const answer = await fetch(`${target.origin}${req.url}`, {
      method: req.method,
      headers,
      body: body.length ? body : undefined,
    });
    res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
});
afterAll(async () => {
  proxy.close();
  await host.close();
});

test('a relay run sends the app results and leases only, never the API token', async () => {
  await submit(host, {
    spaceKeys: ['MKT'],
    subjects: [{ type: 'user', id: 'u-nina' }],
    operations: [{ key: 'export', target: 'space' }],
    action: 'grant',
  });
  const run = await startRelay(['--once'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: TOKEN,
    RELAY_TRIGGER_URL: proxyUrl,
    RELAY_LINK_SECRET: linked.secret,
  }).done;
  expect(run.code).toBe(0);
  expect(seen.length).toBeGreaterThanOrEqual(2); // at least a lease and a report went through the proxy
  const everything = seen.join('\n');
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(Buffer.from(`sam@example.com:${TOKEN}`).toString('base64'));
  expect(everything).not.toContain(linked.secret); // the link secret signs requests; it is never sent either
});
