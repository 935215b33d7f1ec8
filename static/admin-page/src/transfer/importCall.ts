/**
 * `importConfig` for a file of any size the page can export: small files in
 * one call, larger ones uploaded in parts first (importUpload.ts). An upload
 * is made once per chosen file and reused by its preview and its apply.
 */
import type { AdminPageFunctions, AdminPageImportParts } from '../../../../src/contract/admin-page';
import { resolverClient } from '../../../shared/invokeResolver';
import { isRecord, type ResolverResult } from '../../../shared/resolverResult';
import { newUploadId, transportFor } from './importUpload';
import type { ImportAnswer } from './transferTypes';

const call = resolverClient<AdminPageFunctions>();
const callPart = resolverClient<AdminPageImportParts>();
const uploads = new WeakMap<object, { upload: string; parts: number }>();

async function upload(parts: string[]): Promise<ResolverResult<{ upload: string; parts: number }>> {
  const id = newUploadId(() => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32);
  for (const [part, text] of parts.entries()) {
    const stored = await callPart('importConfig', { upload: id, part, parts: parts.length, text });
    if (!stored.ok) return stored;
  }
  return { ok: true, data: { upload: id, parts: parts.length } };
}

export async function importConfig(
  data: unknown,
  dryRun: boolean,
  expectedVersion: number,
): Promise<ResolverResult<ImportAnswer>> {
  const transport = transportFor(data);
  if (!transport) {
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The file is larger than any export of this app; it cannot be imported.' },
    };
  }
  if (transport.kind === 'whole') return call('importConfig', { data, dryRun, expectedVersion });
  const key = isRecord(data) ? data : undefined;
  let uploaded = key ? uploads.get(key) : undefined;
  if (!uploaded) {
    const result = await upload(transport.parts);
    if (!result.ok) return result;
    uploaded = result.data;
    if (key) uploads.set(key, uploaded);
  }
  return call('importConfig', { ...uploaded, dryRun, expectedVersion });
}
