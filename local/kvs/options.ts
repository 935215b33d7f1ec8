/** Request options: TTL, key policy, return value and metadata fields. */
import { invalidBody } from './errors';
import { asObject, isObject, oneOf, optionalArray } from './request';
import type { StoredRecord } from './types';

export const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

const TTL_UNITS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
type TtlUnit = keyof typeof TTL_UNITS;

/** `{value, unit}` to milliseconds; absent gives undefined. */
export function parseTtl(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const ttl = asObject(raw, 'options.ttl');
  const unit = oneOf<TtlUnit>(ttl.unit, Object.keys(TTL_UNITS) as TtlUnit[], 'options.ttl.unit');
  if (unit === undefined) throw invalidBody('options.ttl.unit is required');
  const value = ttl.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalidBody('options.ttl.value must be a positive integer');
  }
  return value * TTL_UNITS[unit];
}

export function parseMetadataFields(raw: unknown, what: string): MetadataField[] {
  const list = optionalArray(raw, what) ?? [];
  return list.map((field) => {
    const parsed = oneOf<MetadataField>(field, METADATA_FIELDS, `${what}[]`);
    if (parsed === undefined) throw invalidBody(`${what} has an empty entry`);
    return parsed;
  });
}

export interface SetOptions {
  ttlMs?: number;
  keyPolicy: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnMetadataFields: MetadataField[];
}

/** Options of a single set (plain, secret or entity). */
export function parseSetOptions(raw: unknown): SetOptions {
  if (raw === undefined) return { keyPolicy: 'OVERRIDE', returnMetadataFields: [] };
  const options = asObject(raw, 'options');
  return {
    ttlMs: parseTtl(options.ttl),
    keyPolicy: oneOf(options.keyPolicy, ['OVERRIDE', 'FAIL_IF_EXISTS'] as const, 'options.keyPolicy') ?? 'OVERRIDE',
    returnValue: oneOf(options.returnValue, ['PREVIOUS', 'LATEST'] as const, 'options.returnValue'),
    returnMetadataFields: parseMetadataFields(options.returnMetadataFields, 'options.returnMetadataFields'),
  };
}

/** Options of a batch item or transaction set: only `ttl` is defined there. */
export function parseTtlOnlyOptions(raw: unknown, what: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw invalidBody(`${what} must be a JSON object`);
  return parseTtl(raw.ttl);
}

/** `metadataFields` as read requests carry them: `{options: {metadataFields}}`. */
export function readMetadataFields(options: unknown, what: string): MetadataField[] {
  if (options === undefined) return [];
  return parseMetadataFields(asObject(options, what).metadataFields, `${what}.metadataFields`);
}

/** ISO 8601 to the second, as in the SDK's fixtures ('2025-01-12T13:00:00Z'). */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `{key, value, ...metadata}` item the service answers. createdAt and
 * updatedAt are Unix seconds, as in the SDK's get fixture (1718236800).
 */
export function renderRecord(
  key: string,
  record: StoredRecord,
  fields: readonly MetadataField[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { key, ...extra, value: record.value };
  if (fields.includes('CREATED_AT')) out.createdAt = Math.floor(record.createdAt / 1000);
  if (fields.includes('UPDATED_AT')) out.updatedAt = Math.floor(record.updatedAt / 1000);
  if (fields.includes('EXPIRE_TIME') && record.expiresAt !== undefined) out.expireTime = isoSeconds(record.expiresAt);
  return out;
}
