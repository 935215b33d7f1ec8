import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import { buildRelay } from '../../../relay/scripts/build';
import { ROOT } from './run-relay';
import { link, submit } from './support';

// Runs docs/external-setup.md's own commands against the local host: the
// env file as the guide writes it, the check block, and the cron line, with
// the relay installed as step 2 says: one built file in a folder of its own
// (standing in for /opt/confluence-relay), run from a folder that is not the
// app's repository.
const run = promisify(execFile);
const guide = readFileSync(join(ROOT, 'docs', 'external-setup.md'), 'utf8');
const blocks = [...guide.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1],
  text: m[2] ?? '',
  at: m.index ?? 0,
}));
const testedBlocks = blocks.filter((b) => guide.slice(Math.max(0, b.at - 40), b.at).includes('<!-- guide-test -->'));
const envBlock = blocks.find((b) => b.text.startsWith('CONFLUENCE_SITE_URL='))!;
const cronLine = blocks.map((b) => b.text.trim()).find((t) => t.startsWith('*/5 '))!;

let host: LocalHost;
let dir: string;
let installDir: string;
beforeAll(async () => {
  host = await startHost();
  dir = mkdtempSync(join(tmpdir(), 'relay-guide-'));
  installDir = mkdtempSync(join(tmpdir(), 'relay-opt-'));
  await buildRelay(join(installDir, 'relay.mjs'));
});
afterAll(() => host.close());

const holds = (spaceKey: string, subjectId: string, key: string, target: string) =>
  host.confluence.site
    .permissions(host.confluence.site.spaceByKey(spaceKey)!.id)
    .some((p) => p.subject.id === subjectId && p.operation.key === key && p.operation.target === target);

async function writeEnvFile(): Promise<string> {
  const linked = await link(host);
  const values: Record<string, string> = {
    CONFLUENCE_SITE_URL: host.url,
    CONFLUENCE_EMAIL: 'sam@example.com',
    CONFLUENCE_API_TOKEN: 'local-sam',
    RELAY_TRIGGER_URL: linked.url,
    RELAY_LINK_SECRET: linked.secret,
  };
  // The guide's env block, line by line, with this host's values.
  const text = envBlock.text
    .trim()
    .split('\n')
    .map((line) => {
      const name = line.slice(0, line.indexOf('='));
      expect(values[name]).toBeDefined();
      return `${name}=${values[name]}`;
    })
    .join('\n');
  const file = join(dir, 'confluence-relay.env');
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

/** The guide's paths, pointed at this test's folders and this machine's node. */
const localise = (text: string, envFile: string) =>
  text
    .replaceAll('/opt/confluence-relay', installDir)
    .replaceAll('/etc/confluence-relay.env', envFile)
    .replaceAll('/usr/bin/node', process.execPath)
    .replaceAll('/var/log/confluence-relay.log', join(dir, 'relay.log'));

/** The guide's commands in a folder that is not the app's repository, `node` found on PATH as on the host. */
const bash = (script: string) =>
  run('bash', ['-e', '-c', script], {
    cwd: dir,
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '' },
    timeout: 60_000,
  });

it('the guide marks its check commands for this test', () => {
  expect(testedBlocks).toHaveLength(1);
  expect(testedBlocks[0]!.text).toContain('node /opt/confluence-relay/relay.mjs --once');
  expect(guide).not.toMatch(/git clone|npm ci|npm run relay/);
});

it('step 4 (check that it works) runs as written: dry run, then apply', async () => {
  const envFile = await writeEnvFile();
  await submit(host, {
    spaceKeys: ['PG'],
    subjects: [{ type: 'user', id: 'u-nina' }],
    operations: [
      { key: 'read', target: 'space' },
      { key: 'export', target: 'space' },
    ],
    action: 'grant',
  });
  const { stdout } = await bash(localise(testedBlocks[0]!.text, envFile));
  expect(stdout).toContain('"msg":"would grant"');
  expect(stdout.match(/"msg":"applied"/g)).toHaveLength(2);
  expect(stdout).not.toContain('local-sam');
  expect(holds('PG', 'u-nina', 'read', 'space') && holds('PG', 'u-nina', 'export', 'space')).toBe(true);
});

it('step 5 (cron line) runs as written', async () => {
  const envFile = await writeEnvFile();
  await submit(host, {
    spaceKeys: ['PG'],
    subjects: [{ type: 'group', id: 'g-probation' }],
    operations: [{ key: 'read', target: 'space' }],
    action: 'grant',
  });
  const command = localise(cronLine.split(' ').slice(5).join(' '), envFile);
  await bash(command);
  expect(readFileSync(join(dir, 'relay.log'), 'utf8')).toContain('"msg":"applied"');
  expect(holds('PG', 'g-probation', 'read', 'space')).toBe(true);
});

it('the systemd unit is relay/confluence-relay.service, runs the one file and stops on configuration errors', () => {
  const unit = blocks.find((b) => b.lang === 'ini')!.text;
  expect(unit).toBe(readFileSync(join(ROOT, 'relay', 'confluence-relay.service'), 'utf8'));
  expect(unit).toContain('EnvironmentFile=/etc/confluence-relay.env');
  expect(unit).toContain('ExecStart=/usr/bin/node /opt/confluence-relay/relay.mjs');
  expect(unit).toContain('RestartPreventExitStatus=2 3 4');
  expect(unit).toMatch(/^User=relay$/m);
});
