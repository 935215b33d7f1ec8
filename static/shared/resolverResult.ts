/**
 * The answer shape every resolver of this app uses (src/contract/envelope.ts):
 * `{ ok: true, data }` or `{ ok: false, error: { code, message, field?, details? } }`.
 */
import { ERROR_CODES, type ErrorCode } from '../../src/contract/error-codes';
import type { Envelope, ResolverError } from '../../src/contract/envelope';

export type ResolverErrorCode = ErrorCode;
export type { ResolverError };
export type ResolverResult<T> = Envelope<T>;

export function isResolverErrorCode(value: unknown): value is ResolverErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
