// The emulator on its own HTTP server, with Basic auth as a real site takes
// it and real dropped connections: a `drop` fault destroys the socket, so
// the client sees a network error (before or after the change was made).
// The local host serves the same emulator under /wiki/ on its own port.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectionDropped } from './faults';
import type { ConfluenceEmulator } from './index';

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface ConfluenceServer {
  server: Server;
  /** e.g. http://127.0.0.1:53123 (the site URL: REST paths start with /wiki/). */
  url: string;
  close(): Promise<void>;
}

export async function createConfluenceServer(
  emulator: ConfluenceEmulator,
  port = 0,
  hostname = '127.0.0.1',
): Promise<ConfluenceServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${hostname}`);
      const caller = emulator.authenticate(req.headers.authorization);
      const body = await readBody(req);
      if (!caller) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="Confluence"' });
        res.end(
          JSON.stringify({
            statusCode: 401,
            message: 'Client must be authenticated to access this resource.',
            data: { authorized: false, valid: true, errors: [], successful: false },
          }),
        );
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
      try {
        const answer = await emulator.handle(
          { method: req.method ?? 'GET', path: url.pathname + url.search, headers, body: body || undefined },
          caller,
        );
        res.writeHead(answer.status, answer.headers);
        res.end(answer.status === 204 ? undefined : answer.body);
      } catch (error) {
        if (error instanceof ConnectionDropped) {
          req.socket.destroy();
          return;
        }
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 500, message: (error as Error).message }));
      }
    })();
  });
  await new Promise<void>((ready) => server.listen(port, hostname, ready));
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
