// The content routes over real HTTP with Basic auth, as a client (or the relay) calls a site:
// a multipart upload built by Node's own FormData, and a long task polled to its end.
import { ConfluenceEmulator, createConfluenceServer, parseDirectory } from '../../../local/confluence';
import type { ConfluenceServer } from '../../../local/confluence/serve';
import { contentSite } from './content-site';

const basic = (email: string, token: string): string => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
const BOB = basic('bob@example.com', 'local-bob');

describe('content over HTTP', () => {
  let server: ConfluenceServer;
  let emulator: ConfluenceEmulator;

  beforeAll(async () => {
    emulator = new ConfluenceEmulator(parseDirectory(contentSite()), { longTaskStepsPerSecond: Infinity });
    server = await createConfluenceServer(emulator);
  });
  afterAll(async () => server.close());

  it('takes a multipart upload from FormData and serves the bytes back', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello, world\n'], { type: 'text/plain' }), 'hello.txt');
    form.append('comment', 'from FormData');
    const res = await fetch(`${server.url}/wiki/rest/api/content/112/child/attachment`, {
      method: 'POST',
      headers: { authorization: BOB, 'x-atlassian-token': 'nocheck' },
      body: form,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: { id: string; title: string; extensions: { fileSize: number; mediaType: string; comment: string } }[];
    };
    expect(body.results[0]).toMatchObject({
      title: 'hello.txt',
      extensions: { fileSize: 13, mediaType: 'text/plain', comment: 'from FormData' },
    });
    const id = body.results[0]?.id ?? '';
    const download = await fetch(`${server.url}/wiki/rest/api/content/112/child/attachment/${id}/download`, {
      headers: { authorization: BOB },
    });
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(13);
  });

  it('runs a page-tree delete to its end and reports it finished', async () => {
    const started = await fetch(`${server.url}/wiki/rest/api/content/110/pageTree`, {
      method: 'DELETE',
      headers: { authorization: BOB },
    });
    expect(started.status).toBe(202);
    const { links } = (await started.json()) as { links: { status: string } };
    const polled = await fetch(`${server.url}/wiki${links.status}`, { headers: { authorization: BOB } });
    expect(await polled.json()).toMatchObject({ finished: true, successful: true, percentageComplete: 100 });
    expect(emulator.site.content.store.page('110')?.status).toBe('trashed');
  });
});
