/**
 * The answer every resolver function gives (README "Resolvers"):
 * `{ok: true, data}` or `{ok: false, error: {code, message, field?, details?}}`.
 * Shared by the server, both pages and the tests.
 */
import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

export { ERROR_CODES } from './error-codes';
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ResolverError = z.object({
  code: ErrorCode,
  message: z.string(),
  field: z.string().optional(),
  details: z.unknown().optional(),
});
export type ResolverError = z.infer<typeof ResolverError>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** A schema for the envelope around `data`, for clients that check what they receive. */
export const envelopeOf = <T extends z.ZodType>(data: T) =>
  z.union([z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ResolverError })]);
