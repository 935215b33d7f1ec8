import { isKvsRateLimited } from '../storage/kvs-errors';
import { RuleValidationError } from '../rules';
import { ProductApiError } from '../confluence/client';

import type { Envelope, ErrorCode, ResolverError } from '../contract/envelope';

export type { Envelope, ErrorCode, ResolverError } from '../contract/envelope';

/** A refusal a resolver means to give: it becomes `{ok: false, error}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { field?: string; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (field: string, message: string): AppError => new AppError('BAD_REQUEST', message, { field });

/** Turns anything a resolver throws into the error it should answer with. */
export function toResolverError(error: unknown): ResolverError {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...error.extra };
  if (error instanceof RuleValidationError) return { code: 'BAD_REQUEST', message: error.message, field: error.field };
  if (isKvsRateLimited(error)) {
    return { code: 'UNAVAILABLE', message: 'Forge storage is busy (rate limited). Try again in a moment.' };
  }
  if (error instanceof ProductApiError && (error.status === 429 || error.status >= 500)) {
    return { code: 'UNAVAILABLE', message: `Confluence did not answer (${error.status}). Try again in a moment.` };
  }
  console.error('Unexpected resolver error', error);
  return {
    code: 'INTERNAL',
    message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
  };
}

/** Runs a resolver body and wraps its outcome in the envelope. */
export async function enveloped<T>(body: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    return { ok: false, error: toResolverError(error) };
  }
}
