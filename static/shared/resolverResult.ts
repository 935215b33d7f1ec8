/**
 * The answer shape every resolver of this app uses (README "Resolvers"):
 * `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 */
export const RESOLVER_ERROR_CODES = [
  'BAD_REQUEST',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ResolverErrorCode = (typeof RESOLVER_ERROR_CODES)[number];

export interface ResolverError {
  code: ResolverErrorCode;
  message: string;
  /** The payload field a BAD_REQUEST or NOT_FOUND is about, e.g. `upsert[2].allowed[0]`. */
  field?: string;
  /** Extra facts some errors carry (a CONFLICT says who changed what, and when). */
  details?: unknown;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export function isResolverErrorCode(value: unknown): value is ResolverErrorCode {
  return (RESOLVER_ERROR_CODES as readonly unknown[]).includes(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}
