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
  searchQueryMaxLength: 100,
  cursorMaxLength: 1024,
});

/** C0 and C1 control characters, DEL included. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

export const SCRIPT_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
