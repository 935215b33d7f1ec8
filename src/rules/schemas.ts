import { z } from 'zod';
import { LIMITS, LONE_SURROGATE, SCRIPT_KEY_PATTERN, unsafeTextReason } from './limits';
import { ROW_TYPES } from './model';

/*
 * Shapes of the domain's data: rows, stored data and import files (the
 * admin page's payloads, built from these, are in src/contract/admin-page-payloads.ts). Objects are strict (an unknown key is refused) except for
 * the legacy v0 shape, which is read as it was written. Domain rules that
 * need the catalog or the whole table (known script keys, one Global row,
 * duplicates) are checked by `applyChanges` / `importAny`, not here.
 */

/** Refuses control and bidirectional characters and lone surrogates, saying which. */
const safeText = <T extends z.ZodString>(schema: T) =>
  schema.superRefine((text, ctx) => {
    const reason = unsafeTextReason(text);
    if (reason) ctx.addIssue({ code: 'custom', message: reason, input: text });
  });

/** Text that is only passed on (a search): any character but half a surrogate pair. */
export const wellFormed = <T extends z.ZodString>(schema: T) =>
  schema.refine((text) => !LONE_SURROGATE.test(text), {
    error: 'must be well-formed text (it holds half of a UTF-16 surrogate pair)',
  });

export const IdSchema = safeText(z.string().min(1).max(LIMITS.idMaxLength));

export const NameSchema = safeText(z.string().max(LIMITS.nameMaxLength));

export const SpaceKeySchema = safeText(
  z
    .string()
    .min(1)
    .max(LIMITS.spaceKeyMaxLength)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .regex(/^[^\s\u0000-\u001F\u007F-\u009F]+$/, { error: 'must be a space key, without spaces' }),
);

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
  return parseAt(schema, input, '');
}

/**
 * Parses a value found at `at` inside a larger request or file (`upsert[3]`),
 * naming the failing field from there (`upsert[3].id`).
 */
export function parseAt<S extends z.ZodType>(schema: S, input: unknown, at: string): ParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, field: at, message: `${at || 'The payload'} is not valid` };
  return describeIssue(issue, at);
}

function describeIssue(issue: z.core.$ZodIssue, at: string): { ok: false; field: string; message: string } {
  let path = issue.path;
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path = [...path, issue.keys[0]];
  const inner = formatPath(path);
  const field = at === '' ? inner : inner === '' ? at : inner.startsWith('[') ? `${at}${inner}` : `${at}.${inner}`;
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
      if (issue.origin === 'string') {
        // Say the figure as well as the limit, so the person knows how much to cut.
        const length = typeof issue.input === 'string' ? issue.input.length : undefined;
        return length === undefined
          ? `must be at most ${issue.maximum} characters long`
          : `is ${length} characters long; it may be at most ${issue.maximum} characters long`;
      }
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
