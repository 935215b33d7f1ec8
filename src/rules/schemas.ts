import { z } from 'zod';
import { CONTROL_CHARS, LIMITS, SCRIPT_KEY_PATTERN } from './limits';
import { ROW_TYPES } from './model';

/*
 * Shapes of what crosses a boundary: resolver payloads, stored data and
 * import files. Objects are strict (an unknown key is refused) except for
 * the legacy v0 shape, which is read as it was written. Domain rules that
 * need the catalog or the whole table (known script keys, one Global row,
 * duplicates) are checked by `applyChanges` / `importAny`, not here.
 */

const noControlChars = (s: string): boolean => !CONTROL_CHARS.test(s);

export const IdSchema = z
  .string()
  .min(1)
  .max(LIMITS.idMaxLength)
  .refine(noControlChars, { error: 'must not contain control characters' });

export const NameSchema = z.string().max(LIMITS.nameMaxLength);

export const SpaceKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.spaceKeyMaxLength)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\s\u0000-\u001F\u007F-\u009F]+$/, { error: 'must be a space key, without spaces' });

export const ScriptKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.scriptKeyMaxLength)
  .regex(SCRIPT_KEY_PATTERN, { error: 'must be a script key such as "copy-space"' });

export const RowTypeSchema = z.enum(ROW_TYPES as ['global', 'space', 'group', 'user']);

export const RowSchema = z.strictObject({
  type: RowTypeSchema,
  id: IdSchema,
  name: NameSchema,
  key: SpaceKeySchema.optional(),
  allowed: z.array(ScriptKeySchema).max(1000),
});

export const RowSelectorSchema = z.strictObject({ type: RowTypeSchema, id: IdSchema });

const Version = z.int().min(0);
const Cursor = z.string().min(1).max(LIMITS.cursorMaxLength);

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
  query: z.string().max(LIMITS.searchQueryMaxLength),
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

export const EXPORT_FORMAT = 'space-admin-script-permissions';

/** The current export file (schemaVersion 1). */
export const ExportFile = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(1),
  exportedAt: z.iso.datetime({ offset: true }),
  enabled: z.boolean(),
  scripts: z.array(ScriptKeySchema).max(1000),
  rows: z.array(RowSchema).max(LIMITS.maxRowsPerFile),
});
export type ExportFile = z.infer<typeof ExportFile>;

/** The table as stored, current version. */
export const StoredTableV1 = z.strictObject({
  schemaVersion: z.literal(1),
  enabled: z.boolean(),
  knownScripts: z.array(ScriptKeySchema).max(1000),
  rows: z.array(RowSchema),
});
export type StoredTableV1 = z.infer<typeof StoredTableV1>;

/** Version 0: the older all-or-nothing deny lists. Missing lists read as empty. */
export const StoredV0 = z.object({
  schemaVersion: z.literal(0).optional(),
  restrictedUsers: z.array(z.object({ accountId: IdSchema, displayName: NameSchema.nullish() })).default([]),
  restrictedGroups: z.array(z.object({ id: IdSchema, name: NameSchema.nullish() })).default([]),
  restrictedSpaces: z.array(z.object({ id: IdSchema, key: SpaceKeySchema, name: NameSchema.nullish() })).default([]),
  disableInAllSpaces: z.boolean().default(false),
});
export type V0Config = z.infer<typeof StoredV0>;
/** A v0 config as written (lists may be missing). */
export type V0ConfigInput = z.input<typeof StoredV0>;

export type ParseResult<T> = { ok: true; data: T } | { ok: false; field: string; message: string };

/**
 * Parses a payload. On failure, names the first failing field as a path
 * (`upsert[2].type`; '' for the payload itself) and says what is wrong.
 */
export function parsePayload<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, field: '', message: 'The payload is not valid' };
  return describeIssue(issue);
}

function describeIssue(issue: z.core.$ZodIssue): { ok: false; field: string; message: string } {
  let path = issue.path;
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path = [...path, issue.keys[0]];
  const field = formatPath(path);
  const subject = field === '' ? 'The payload' : field;
  return { ok: false, field, message: `${subject} ${phrase(issue)}` };
}

function phrase(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.path.length === 0) return `must be ${article(issue.expected)} (got ${describeValue(issue.input)})`;
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected)} (got ${describeValue(issue.input)})`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters long`;
      }
      if (issue.origin === 'array') return `must have at least ${issue.minimum} items`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters long`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'is not an accepted field; remove it';
    case 'invalid_format':
      if (issue.format === 'datetime') return 'must be an ISO 8601 date-time such as "2024-01-31T12:00:00Z"';
      return issue.message;
    case 'invalid_union':
      return 'does not match any accepted shape';
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a fraction';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** `['upsert', 2, 'type']` -> `upsert[2].type`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
