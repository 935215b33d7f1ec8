/**
 * The admin page's payloads (module `admin-page`), validated by the gate
 * before a function runs. Built from the rule domain's row and id schemas,
 * so a row is checked the same way whether it is saved, imported or stored.
 */
import { z } from 'zod';
import { IdSchema, LIMITS, RowSchema, RowSelectorSchema, SpaceKeySchema, wellFormed } from '../rules';

const Version = z.int().min(0);
/** A cursor is only ever one this app gave out: printable ASCII (each reader checks the rest). */
const Cursor = z
  .string()
  .min(1)
  .max(LIMITS.cursorMaxLength)
  .regex(/^[\x21-\x7E]+$/, { error: 'must be a cursor from a previous answer' });

/** Treats a missing payload as `{}` for functions whose fields are all optional. */
const orEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === null ? {} : v), schema);

export const SaveConfigPayload = z.strictObject({
  expectedVersion: Version,
  enabled: z.boolean().optional(),
  upsert: z.array(RowSchema).max(LIMITS.maxRowsPerRequest).optional(),
  remove: z.array(RowSelectorSchema).max(LIMITS.maxRowsPerRequest).optional(),
});
export type SaveConfigPayload = z.infer<typeof SaveConfigPayload>;

export const ExplainAccessPayload = z.strictObject({ accountId: IdSchema, spaceKey: SpaceKeySchema });
export type ExplainAccessPayload = z.infer<typeof ExplainAccessPayload>;

export const SearchSubjectsPayload = z.strictObject({
  type: z.enum(['user', 'group', 'space']),
  query: wellFormed(z.string().max(LIMITS.searchQueryMaxLength)),
});
export type SearchSubjectsPayload = z.infer<typeof SearchSubjectsPayload>;

export const GetAuditLogPayload = orEmpty(z.strictObject({ cursor: Cursor.optional() }));
export type GetAuditLogPayload = z.infer<typeof GetAuditLogPayload>;

export const GetConfigPayload = orEmpty(z.strictObject({ cursor: Cursor.optional() }));
export type GetConfigPayload = z.infer<typeof GetConfigPayload>;

export const ImportConfigPayload = z.strictObject({
  data: z.unknown().refine((v) => v !== undefined, { error: 'is required: the parsed contents of the export file' }),
  dryRun: z.boolean(),
  expectedVersion: Version,
});
export type ImportConfigPayload = z.infer<typeof ImportConfigPayload>;

/** An upload of a large import file: chosen by the page, random, used for one file. */
const UploadId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'must be an upload id of 16 to 64 letters, digits, - or _' });
const PartCount = z.int().min(1).max(LIMITS.importMaxParts);

/** One part of a large import file: the compact JSON text, cut between characters. */
export const ImportPartPayload = z.strictObject({
  upload: UploadId,
  part: z
    .int()
    .min(0)
    .max(LIMITS.importMaxParts - 1),
  parts: PartCount,
  text: wellFormed(z.string().min(1).max(LIMITS.importPartChars)),
});
export type ImportPartPayload = z.infer<typeof ImportPartPayload>;

/** Previews or applies a file uploaded in parts, as `ImportConfigPayload` does one sent whole. */
export const ImportUploadedPayload = z.strictObject({
  upload: UploadId,
  parts: PartCount,
  dryRun: z.boolean(),
  expectedVersion: Version,
});
export type ImportUploadedPayload = z.infer<typeof ImportUploadedPayload>;

/** The importConfig payload's shape, told apart by its fields so errors name the right one. */
export const importPayloadSchema = (raw: unknown) => {
  const has = (key: string) => typeof raw === 'object' && raw !== null && key in raw;
  if (has('text') || has('part')) return ImportPartPayload;
  if (has('upload')) return ImportUploadedPayload;
  return ImportConfigPayload;
};
