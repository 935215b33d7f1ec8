/**
 * Errors in the platform's own shape: a non-2xx status with a JSON body
 * `{code, message}`, which @forge/kvs turns into ForgeKvsAPIError.
 */

/** Codes the emulator answers with. Where each comes from: docs/local-kvs.md. */
export const KvsErrorCode = {
  // SDK (storage-api.js handleKeyNotFound, its own test fixtures)
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // "Error handling for the Key-Value Store"
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  INVALID_FILTER_CONDITION: 'INVALID_FILTER_CONDITION',
  INVALID_FILTER_VALUES: 'INVALID_FILTER_VALUES',
  LIST_QUERY_LIMIT_EXCEEDED: 'LIST_QUERY_LIMIT_EXCEEDED',
  QUERY_WHERE_INVALID: 'QUERY_WHERE_INVALID',
  QUERY_WHERE_FIELD_INVALID: 'QUERY_WHERE_FIELD_INVALID',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  // "Error handling for the Custom Entity Store"
  EMPTY_KEY: 'EMPTY_KEY',
  ENTITY_TYPE_TOO_SHORT: 'ENTITY_TYPE_TOO_SHORT',
  ENTITY_TYPE_TOO_LARGE: 'ENTITY_TYPE_TOO_LARGE',
  INVALID_ENTITY_TYPE: 'INVALID_ENTITY_TYPE',
  INVALID_ENTITY_VALUE: 'INVALID_ENTITY_VALUE',
  INVALID_ENTITY_ATTRIBUTE: 'INVALID_ENTITY_ATTRIBUTE',
  INVALID_ENTITY_INDEX: 'INVALID_ENTITY_INDEX',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  EMPTY_FILTER_OPERATOR: 'EMPTY_FILTER_OPERATOR',
  INVALID_FILTER_OPERATORS_COMBINATION: 'INVALID_FILTER_OPERATORS_COMBINATION',
  INSUFFICIENT_FILTER_VALUES: 'INSUFFICIENT_FILTER_VALUES',
  // Observed on the service (not in the error tables): FAIL_IF_EXISTS conflict
  KEY_CONFLICT: 'KEY_CONFLICT',
  // Not documented anywhere we could find: the emulator's own choice
  BATCH_LIMIT_EXCEEDED: 'BATCH_LIMIT_EXCEEDED',
  TRANSACTION_LIMIT_EXCEEDED: 'TRANSACTION_LIMIT_EXCEEDED',
  DUPLICATE_KEYS: 'DUPLICATE_KEYS',
  CONDITIONAL_CHECK_FAILED: 'CONDITIONAL_CHECK_FAILED',
  NOT_FOUND: 'NOT_FOUND',
} as const;

export type KvsErrorCodeName = (typeof KvsErrorCode)[keyof typeof KvsErrorCode];

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCodeName,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

export const badRequest = (code: KvsErrorCodeName, message: string): KvsError => new KvsError(400, code, message);

/** The SDK's own fixture message for a malformed body; `detail` says what exactly. */
export const invalidBody = (detail: string): KvsError =>
  new KvsError(400, KvsErrorCode.BAD_REQUEST, `Provided request body is invalid: ${detail}`);

export const keyNotFound = (): KvsError => new KvsError(404, KvsErrorCode.KEY_NOT_FOUND, 'Provided key does not exist');
