/**
 * Large import files, uploaded in parts (LIMITS.importPartChars each) because
 * one call's payload is capped. Each part is kept in values of at most
 * SLICE_CHARS characters (at most 3 bytes each in UTF-8 and in the JSON
 * Forge stores, so far below the 240 KiB value limit), for a day, under keys
 * that name the uploader: one admin cannot read or finish another's upload.
 */
import { createHash } from 'node:crypto';
import { LIMITS, RuleValidationError } from '../../rules';
import { deleteMany, readMany, writeMany } from '../kvs-io';

const SLICE_CHARS = 60_000;
const UPLOAD_TTL_DAYS = 1;
/** Slices per batch read: 15 x at most 180 KB stays under a batch's 4 MB. */
const SLICES_PER_READ = 15;

interface PartHeader {
  slices: number;
  chars: number;
}

const owner = (accountId: string): string => createHash('sha256').update(accountId).digest('hex').slice(0, 24);
const headerKey = (accountId: string, upload: string, part: number) =>
  `rules:upload:${owner(accountId)}:${upload}:${part}`;
const sliceKey = (accountId: string, upload: string, part: number, slice: number) =>
  `${headerKey(accountId, upload, part)}:${slice}`;

/** Cuts `text` into pieces of at most `size` characters, never between the two halves of a surrogate pair. */
export function cutText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

export async function storeUploadPart(accountId: string, upload: string, part: number, text: string): Promise<void> {
  const slices = cutText(text, SLICE_CHARS);
  const header: PartHeader = { slices: slices.length, chars: text.length };
  await writeMany([
    ...slices.map((value, i) => ({ key: sliceKey(accountId, upload, part, i), value, ttlDays: UPLOAD_TTL_DAYS })),
    // The header last: a part is there only once all of it is.
    { key: headerKey(accountId, upload, part), value: header, ttlDays: UPLOAD_TTL_DAYS },
  ]);
}

function keysOf(accountId: string, upload: string, headers: PartHeader[]): string[] {
  return headers.flatMap((h, part) => Array.from({ length: h.slices }, (_, i) => sliceKey(accountId, upload, part, i)));
}

async function headersOf(accountId: string, upload: string, parts: number): Promise<PartHeader[]> {
  const keys = Array.from({ length: parts }, (_, part) => headerKey(accountId, upload, part));
  const read = await readMany(keys.map((key) => ({ key })));
  return keys.map((key, part) => {
    const header = read.get(key) as PartHeader | undefined;
    if (!header) {
      throw new RuleValidationError(
        'parts',
        `Part ${part + 1} of ${parts} of this upload is missing (uploads are kept for a day); choose the file again`,
      );
    }
    return header;
  });
}

/** The uploaded file's text, whole, or BAD_REQUEST naming what is missing. */
export async function readUpload(accountId: string, upload: string, parts: number): Promise<string> {
  const headers = await headersOf(accountId, upload, parts);
  const keys = keysOf(accountId, upload, headers);
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += SLICES_PER_READ) batches.push(keys.slice(i, i + SLICES_PER_READ));
  const reads = await Promise.all(batches.map((batch) => readMany(batch.map((key) => ({ key })))));
  const values = new Map<string, unknown>(reads.flatMap((read) => [...read]));
  const text = keys.map((key) => values.get(key));
  if (text.some((piece) => typeof piece !== 'string')) {
    throw new RuleValidationError('parts', 'Part of this upload has expired; choose the file again');
  }
  return text.join('');
}

/** Forgets an upload once applied (its TTL clears abandoned ones). */
export async function dropUpload(accountId: string, upload: string, parts: number): Promise<void> {
  const headers = await headersOf(accountId, upload, parts).catch(() => []);
  const keys = [...keysOf(accountId, upload, headers), ...headers.map((_, part) => headerKey(accountId, upload, part))];
  await deleteMany(keys).catch(() => undefined);
}

export const MAX_UPLOAD_CHARS = LIMITS.importPartChars * LIMITS.importMaxParts;
