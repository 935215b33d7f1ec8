/** Size limits shared by the schemas and the domain checks. */
export const LIMITS = Object.freeze({
  /** accountId, group id, space id. */
  idMaxLength: 128,
  nameMaxLength: 255,
  spaceKeyMaxLength: 255,
  scriptKeyMaxLength: 64,
  /** Rows per upsert or remove list in one save. */
  maxRowsPerRequest: 10_000,
  /** Rows in an export file. */
  maxRowsPerFile: 100_000,
  /**
   * Rows in the whole table, Global included: the most a save or an import
   * may leave. Each row must also fit its storage bucket (checked before
   * any write, src/storage/rules/capacity.ts).
   */
  maxTableRows: 20_000,
  searchQueryMaxLength: 100,
  /**
   * A file too large for one call (Forge caps a call's payload) is uploaded
   * in parts of at most this many characters of its compact JSON...
   */
  importPartChars: 1_000_000,
  /** ...and at most this many parts: more than the export of the largest table that fits storage. */
  importMaxParts: 40,
  cursorMaxLength: 1024,
});

/** C0 and C1 control characters, DEL included. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Bidirectional embedding, override and isolate controls (and the LRM/RLM/ALM
 * marks): they make a name read differently from what it holds.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A UTF-16 surrogate without its other half: not text, and refused by encodeURIComponent. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of text cannot be stored or sent on, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (CONTROL_CHARS.test(text)) return 'must not contain control characters';
  if (BIDI_CONTROLS.test(text)) return 'must not contain bidirectional control characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed text (it holds half of a UTF-16 surrogate pair)';
  return undefined;
}

export const SCRIPT_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
