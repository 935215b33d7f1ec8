/** The data file: survives a restart, is written atomically, is never silently replaced. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs, MetadataField } from '@forge/kvs';
import { KvsEmulator, type KvsEntityDefinition } from '../../../local/kvs';
import { FakeClock, installEmulator } from './support';

const entities: KvsEntityDefinition[] = [
  { name: 'queue-item', attributes: { state: { type: 'string' }, seq: { type: 'integer' } }, indexes: ['seq'] },
];

describe('persistence', () => {
  let dir: string;
  let file: string;
  const open: KvsEmulator[] = [];

  const start = (extra: Partial<ConstructorParameters<typeof KvsEmulator>[0]> = {}): KvsEmulator => {
    const emulator = new KvsEmulator({ dataFile: file, entities, ...extra });
    open.push(emulator);
    installEmulator(emulator);
    return emulator;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvs-emulator-'));
    file = join(dir, 'nested', 'kvs.json');
  });
  afterEach(async () => {
    for (const emulator of open.splice(0)) await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps plain values, secrets, entities and metadata across a restart on the same file', async () => {
    const clock = new FakeClock();
    const first = start({ now: clock.now });
    await kvs.set('config', { enabled: true }, { ttl: { value: 1, unit: 'DAYS' } });
    await kvs.setSecret('relay-secret', 'hmac-key');
    await kvs.entity('queue-item').set('q1', { state: 'pending', seq: 1 });
    await first.close();

    clock.advance(60_000);
    start({ now: clock.now });
    expect(await kvs.get('config', { metadataFields: [MetadataField.CREATED_AT, MetadataField.EXPIRE_TIME] })).toEqual({
      key: 'config',
      value: { enabled: true },
      createdAt: Math.floor((clock.ms - 60_000) / 1000),
      expireTime: expect.any(String),
    });
    expect(await kvs.getSecret('relay-secret')).toBe('hmac-key');
    expect((await kvs.entity('queue-item').query().index('seq').getMany()).results).toEqual([
      { key: 'q1', value: { state: 'pending', seq: 1 } },
    ]);
  });

  it('writes soon after a change without close, and flush() waits for it', async () => {
    const emulator = start();
    await kvs.set('k', 'v');
    await emulator.flush();
    const content = JSON.parse(readFileSync(file, 'utf8')) as {
      namespaces: Record<string, Record<string, { value: unknown }>>;
    };
    expect(content.namespaces.kv.k.value).toBe('v');
  });

  it('writes through a temporary file and leaves none behind', async () => {
    const emulator = start({ persistDebounceMs: 0 });
    await Promise.all(Array.from({ length: 50 }, (_, i) => kvs.set(`k${i}`, i)));
    await emulator.flush();
    expect(readdirSync(join(dir, 'nested'))).toEqual(['kvs.json']);
    const again = new KvsEmulator({ dataFile: file });
    open.push(again);
    installEmulator(again);
    expect((await kvs.query().limit(100).getMany()).results).toHaveLength(50);
  });

  it('does not bring back values that expired while it was stopped', async () => {
    const clock = new FakeClock();
    const first = start({ now: clock.now });
    await kvs.set('short', 1, { ttl: { value: 1, unit: 'MINUTES' } });
    await kvs.set('kept', 2);
    await first.close();
    clock.advance(120_000);
    start({ now: clock.now });
    expect(await kvs.get('short')).toBeUndefined();
    expect(await kvs.get('kept')).toBe(2);
  });

  it('reset() wipes the data and the file', async () => {
    const emulator = start();
    await kvs.set('k', 1);
    emulator.reset();
    await emulator.close();
    start();
    expect(await kvs.get('k')).toBeUndefined();
  });

  it('refuses to start on a file that is not its snapshot rather than overwrite it', () => {
    writeFileSync(file.replace('nested/kvs.json', 'other.json'), '{"hello": "world"}');
    expect(() => new KvsEmulator({ dataFile: join(dir, 'other.json') })).toThrow(/not a forge-local-kvs v1 snapshot/);
    writeFileSync(join(dir, 'broken.json'), '{"format": "forge-local-kvs", ');
    expect(() => new KvsEmulator({ dataFile: join(dir, 'broken.json') })).toThrow(/not valid JSON/);
    expect(readFileSync(join(dir, 'other.json'), 'utf8')).toBe('{"hello": "world"}');
  });

  it('keeps data in memory only when no file is given', async () => {
    const emulator = new KvsEmulator();
    open.push(emulator);
    installEmulator(emulator);
    await kvs.set('k', 1);
    await emulator.close();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses calls after close', async () => {
    const emulator = start();
    await emulator.close();
    const answer = await emulator.handle('/api/v1/get', JSON.stringify({ key: 'k' }));
    expect(answer.status).toBe(500);
  });
});
