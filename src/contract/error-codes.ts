/**
 * The codes every resolver answers with, as plain data: the pages import
 * this file without pulling schema code into their bundles.
 */
export const ERROR_CODES = ['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
