import type { LocalHost } from '../../../local/host/create-host';
import { transportFor } from '../../../static/admin-page/src/transfer/importUpload';
import { dataOf, Envelope, invoke, startHost } from '../../support/local-host';
import { ADMIN, ALL_SCRIPTS, getConfig, RowInput } from '../../support/rules';

let host: LocalHost;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

const call = <T>(functionKey: string, payload: unknown) =>
  invoke<Envelope<T>>(host, 'admin-page', functionKey, payload, ADMIN);

type ImportAnswer = { dryRun: boolean; version: number; changes: unknown[]; rows: number };

/** What the admin page does with a chosen file (static/admin-page/src/transfer/importCall.ts). */
async function importAsThePageDoes(data: unknown, dryRun: boolean, expectedVersion: number, upload?: string) {
  const transport = transportFor(data);
  if (!transport) throw new Error('the page would refuse this file');
  if (transport.kind === 'whole') return call<ImportAnswer>('importConfig', { data, dryRun, expectedVersion });
  const id = upload ?? `test-upload-${Date.now().toString(36)}`;
  if (!upload) {
    for (const [part, text] of transport.parts.entries()) {
      dataOf(await call('importConfig', { upload: id, part, parts: transport.parts.length, text }));
    }
  }
  return call<ImportAnswer>('importConfig', { upload: id, parts: transport.parts.length, dryRun, expectedVersion });
}

test('the export of a table larger than one call carries can be imported again by the page', async () => {
  // The largest table (20,000 rows): every script checked makes the export far larger than
  // what is stored (a bitmask), and far larger than one call carries.
  const rows: RowInput[] = Array.from({ length: 19_999 }, (_, i) => ({
    type: 'user',
    id: `u-${String(i).padStart(6, '0')}-`.padEnd(40, 'a'),
    name: `User ${i} `.padEnd(50, 'n'),
    allowed: ALL_SCRIPTS,
  }));
  let version = 0;
  for (let i = 0; i < rows.length; i += 10_000) {
    const saved = await call<{ version: number }>('saveConfig', {
      expectedVersion: version,
      enabled: true,
      upsert: rows.slice(i, i + 10_000),
    });
    version = dataOf(saved).version;
  }
  const exported = dataOf(await call<{ version: number; file: { enabled: boolean } }>('exportConfig', {}));
  // More than the 5 MB one call may carry.
  expect(Buffer.byteLength(JSON.stringify(exported.file))).toBeGreaterThan(5 * 1024 * 1024);
  expect(transportFor(exported.file)).toMatchObject({ kind: 'parts' });

  const preview = dataOf(await importAsThePageDoes(exported.file, true, version));
  expect(preview).toMatchObject({ dryRun: true, version, changes: [], rows: 20_000 });

  const changed = { ...exported.file, enabled: false };
  const previewChanged = dataOf(await importAsThePageDoes(changed, true, version));
  expect(previewChanged.changes).toEqual([{ kind: 'toggle', from: true, to: false }]);
  const applied = dataOf(await importAsThePageDoes(changed, false, version));
  expect(applied).toMatchObject({ dryRun: false, version: version + 1, rows: 20_000 });
  const after = await getConfig(host);
  expect(after).toMatchObject({ enabled: false, version: version + 1, totalRows: 20_000 });
}, 180_000);

test('an upload with a part missing is BAD_REQUEST naming it, and changes nothing', async () => {
  const before = await getConfig(host);
  dataOf(await call('importConfig', { upload: 'missing-part-upload', part: 0, parts: 2, text: '{"format":' }));
  const answer = await call('importConfig', {
    upload: 'missing-part-upload',
    parts: 2,
    dryRun: false,
    expectedVersion: before.version,
  });
  expect(answer.body).toMatchObject({
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      field: 'parts',
      message: expect.stringMatching(/^Part 2 of 2 of this upload is missing/),
    },
  });
  expect((await getConfig(host)).version).toBe(before.version);
});
