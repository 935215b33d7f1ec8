import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalHost } from '../../../local/host/create-host';
import { buildRelay, type RelayBuild } from '../../../relay/scripts/build';
import { startHost } from '../../support/local-host';
import { logLines } from './run-relay';
import { link, submit } from './support';

// The relay as a customer gets it: one file, built by `npm run build:relay`,
// run by a plain `node` from a folder holding nothing else.
const run = promisify(execFile);

let host: LocalHost;
let built: RelayBuild;
/** A new folder that holds nothing but the bundle. */
let emptyDir: string;
beforeAll(async () => {
  host = await startHost();
  emptyDir = mkdtempSync(join(tmpdir(), 'relay-bundle-'));
  built = await buildRelay(join(emptyDir, 'relay.mjs'));
});
afterAll(() => host.close());

/** `node relay.mjs ...` in the folder holding only the bundle, with no environment but PATH. */
const relay = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['relay.mjs', ...args], {
    cwd: emptyDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

it('is one file in a folder of its own', () => {
  expect(readdirSync(emptyDir)).toEqual(['relay.mjs']);
  expect(statSync(built.outfile).size).toBe(built.bytes);
});

it('inlines only the relay, the shared protocol (with its plain-data parts) and zod, and imports nothing but Node itself', () => {
  const outside = built.inputs.filter(
    (input) => !input.startsWith('relay/src/') && input !== 'relay/package.json' && !/node_modules\/zod\//.test(input),
  );
  expect(outside.sort()).toEqual([
    'src/contract/operations.ts',
    'src/contract/relay-protocol.ts',
    'src/rules/limits.ts',
  ]);
  expect(built.inputs.some((input) => /node_modules\/(?!zod\/)/.test(input))).toBe(false);
  for (const name of built.externalImports) expect(name).toMatch(/^node:|^(crypto|fs|os|path|util)$/);
});

it('answers --help from an empty folder', async () => {
  const { code, stdout } = await relay(['--help']);
  expect(code).toBe(0);
  expect(stdout).toContain('Usage: confluence-relay [options]');
  expect(stdout).toContain('CONFLUENCE_API_TOKEN_FILE');
});

it('says what to fix when it is not configured (exit 2)', async () => {
  const { code, stderr } = await relay(['--once']);
  expect(code).toBe(2);
  expect(stderr).toContain('The Confluence site URL is missing');
});

it('runs --dry-run against the local host: sees the queued change, changes nothing', async () => {
  const linked = await link(host);
  await submit(host, {
    spaceKeys: ['PG'],
    subjects: [{ type: 'user', id: 'u-nina' }],
    operations: [{ key: 'export', target: 'space' }],
    action: 'grant',
  });
  const before = host.confluence.site.permissions(host.confluence.site.spaceByKey('PG')!.id).length;
  const { code, stdout, stderr } = await relay(['--dry-run'], {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: 'local-sam',
    RELAY_TRIGGER_URL: linked.url,
    RELAY_LINK_SECRET: linked.secret,
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const lines = logLines(stdout);
  expect(lines.find((l) => l.msg === 'relay starting')).toMatchObject({ version: '1.0.0' });
  expect(lines.filter((l) => l.msg === 'would grant')).toHaveLength(1);
  expect(stdout).not.toContain('local-sam');
  expect(stdout).not.toContain(linked.secret);
  expect(host.confluence.site.permissions(host.confluence.site.spaceByKey('PG')!.id)).toHaveLength(before);
});
