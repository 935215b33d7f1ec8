import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalHost } from '../../../local/host/create-host';
import { dataOf, Envelope, invoke } from '../../support/local-host';

const ROOT = join(__dirname, '..', '..', '..');

test('local data survives a restart of the host', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-data-'));
  const first = await createLocalHost({ port: 0, dataDir });
  dataOf(
    await invoke(first, 'admin-page', 'saveConfig', { expectedVersion: 0, enabled: true }, { accountId: 'u-ada' }),
  );
  await first.close();

  const second = await createLocalHost({ port: 0, dataDir });
  try {
    const config = dataOf(
      await invoke<Envelope<{ enabled: boolean; version: number }>>(
        second,
        'admin-page',
        'getConfig',
        {},
        { accountId: 'u-ada' },
      ),
    );
    expect(config).toMatchObject({ enabled: true, version: 1 });
  } finally {
    await second.close();
  }
});

test('the server entry point serves the host on PORT with the LOCAL_DIRECTORY fixture', async () => {
  const demo = JSON.parse(readFileSync(join(ROOT, 'local', 'fixtures', 'demo.json'), 'utf8')) as {
    users: { displayName: string }[];
  };
  demo.users[0]!.displayName = 'Ada From Custom Fixture';
  const dir = mkdtempSync(join(tmpdir(), 'fixture-'));
  writeFileSync(join(dir, 'site.json'), JSON.stringify(demo));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'local', 'server.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        LOCAL_DIRECTORY: join(dir, 'site.json'),
        LOCAL_DATA_DIR: join(dir, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    await new Promise<void>((ready, fail) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Local Forge host:')) ready();
      });
      server.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)));
    });
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain('Ada From Custom Fixture');
    const me = await fetch(`http://127.0.0.1:${port}/wiki/rest/api/user/current`, {
      headers: { authorization: `Basic ${Buffer.from('ada@example.com:local-ada').toString('base64')}` },
    });
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Ada From Custom Fixture');
  } finally {
    server.kill('SIGTERM');
  }
});
