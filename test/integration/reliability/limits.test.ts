import { kvs, WhereConditions } from '@forge/kvs';
import type { LocalHost } from '../../../local/host/create-host';
import { bucketOf, GROUP_BUCKETS } from '../../../src/storage/rules/keys';
import { Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, getConfig, global, RowInput } from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());
beforeEach(() => host.kvs.reset());

type Answer = Envelope<{ version: number; rows?: number }>;

async function stagedKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith('rules:stage:')).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    keys.push(...page.results.map((r) => r.key));
    cursor = page.nextCursor;
  } while (cursor);
  return keys;
}

/** Group rows with 128-character ids that all land in the same decision bucket. */
function groupsInOneBucket(count: number): RowInput[] {
  const rows: RowInput[] = [];
  for (let i = 0; rows.length < count; i++) {
    const id = `g-${String(i).padStart(8, '0')}-`.padEnd(128, 'x');
    if (bucketOf(id, GROUP_BUCKETS) === 3)
      rows.push({ type: 'group', id, name: `group ${i}`, allowed: ['copy-space'] });
  }
  return rows;
}

const exportFile = (rows: RowInput[]) => ({
  format: 'space-admin-script-permissions',
  schemaVersion: 1,
  exportedAt: '2026-01-01T00:00:00Z',
  enabled: true,
  scripts: ALL_SCRIPTS,
  rows: [global(ALL_SCRIPTS), ...rows],
});

test('a table within the row cap whose rows overflow one storage bucket is BAD_REQUEST with the figures, and leaves no staged data', async () => {
  const answer = await invoke<Answer>(
    host,
    'admin-page',
    'saveConfig',
    { expectedVersion: 0, upsert: groupsInOneBucket(2000) },
    ADMIN,
  );
  expect(answer.body.ok).toBe(false);
  if (answer.body.ok) return;
  expect(answer.body.error.code).toBe('BAD_REQUEST');
  expect(answer.body.error.message).toMatch(
    /^The table does not fit Forge storage: the 2,000 group rows whose ids fall in bucket 3 of 16 take \d+\.\d KiB, and one stored value holds at most 240\.0 KiB\./,
  );
  expect(await stagedKeys()).toEqual([]);
  expect((await getConfig(host)).version).toBe(0);
});

test('the import preview refuses the same table before anything is written', async () => {
  const answer = await invoke<Answer>(
    host,
    'admin-page',
    'importConfig',
    { data: exportFile(groupsInOneBucket(2000)), dryRun: true, expectedVersion: 0 },
    ADMIN,
  );
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
});

test('an import of more rows than the table may hold names the cap and the figure, and changes nothing', async () => {
  const rows: RowInput[] = Array.from({ length: 20_000 }, (_, i) => ({
    type: 'user',
    id: `u-${i}`,
    name: `User ${i}`,
    allowed: [],
  }));
  const answer = await invoke<Answer>(
    host,
    'admin-page',
    'importConfig',
    { data: exportFile(rows), dryRun: false, expectedVersion: 0 },
    ADMIN,
  );
  expect(answer.body).toMatchObject({
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      message: 'The table would have 20,001 rows; the largest supported is 20,000',
    },
  });
  expect((await getConfig(host)).version).toBe(0);
});

describe('a version-0 import goes through the same row checks and cap', () => {
  test('a restricted user with the id "global" is refused, naming the entry', async () => {
    const answer = await invoke<Answer>(
      host,
      'admin-page',
      'importConfig',
      { data: { restrictedUsers: [{ accountId: 'global', displayName: 'G' }] }, dryRun: false, expectedVersion: 0 },
      ADMIN,
    );
    expect(answer.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', field: 'restrictedUsers[0].type' },
    });
    expect((await getConfig(host)).version).toBe(0);
  });

  test('a restricted group whose name holds a bidirectional override is refused', async () => {
    const answer = await invoke<Answer>(
      host,
      'admin-page',
      'importConfig',
      { data: { restrictedGroups: [{ id: 'g-1', name: 'admins\u202Esrenwo' }] }, dryRun: true, expectedVersion: 0 },
      ADMIN,
    );
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'restrictedGroups[0].name' } });
  });

  test('more restricted entries than the table may hold are refused with the cap', async () => {
    const restrictedUsers = Array.from({ length: 20_000 }, (_, i) => ({ accountId: `u-${i}` }));
    const answer = await invoke<Answer>(
      host,
      'admin-page',
      'importConfig',
      { data: { restrictedUsers }, dryRun: true, expectedVersion: 0 },
      ADMIN,
    );
    expect(answer.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The table would have 20,001 rows; the largest supported is 20,000' },
    });
  });
});
