import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';

const ROOT = join(__dirname, '..', '..', '..');

/** `npm start`'s server, without the UI build: a real process that can be killed. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'local', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOCAL_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Local Forge host: (http:\/\/[^/\s]+)\//.exec(out);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
  return { child, url };
}

async function call(url: string, functionKey: string, payload: unknown) {
  const response = await fetch(`${url}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ module: 'admin-page', functionKey, payload, context: { accountId: 'u-ada' } }),
  });
  return (await response.json()) as { ok: boolean; data: Record<string, unknown> };
}

test('a link secret the host answered survives the host being killed right after the answer', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reliability-host-'));
  try {
    const first = await startServer(dataDir);
    // One write, then the answer: the secret is shown this once, so losing it strands the relay.
    const rotated = await call(first.url, 'rotateRelaySecret', {});
    // SIGKILL at once: no flush on exit, as when the machine or container dies.
    first.child.kill('SIGKILL');
    await new Promise((done) => first.child.once('exit', done));
    expect(rotated.ok).toBe(true);

    const second = await startServer(dataDir);
    try {
      const setup = await call(second.url, 'getRelaySetup', {});
      expect(setup.data.link).toMatchObject({ linked: true, fingerprint: rotated.data.fingerprint });
    } finally {
      second.child.kill('SIGKILL');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('invoke calls only functions the app defined', () => {
  let host: LocalHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  test.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])(
    'an inherited name (%s) is refused without running anything',
    async (functionKey) => {
      const response = await fetch(`${host.url}/__local/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ module: 'admin-page', functionKey, payload: { probe: 1 }, context: {} }),
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { message: `Module 'admin-page' defines no resolver function '${functionKey}'` },
      });
    },
  );
});
