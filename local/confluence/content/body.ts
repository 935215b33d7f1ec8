// Reading JSON request bodies the way the content routes need: parse errors
// and shape errors become 400s naming the field.
import type { z } from 'zod';
import { ApiError, badRequest } from '../http';
import type { RouteContext } from '../router';

/** v2 create endpoints answer 413 above 5 MB (their reference pages say so). */
export const MAX_CONTENT_REQUEST_BYTES = 5 * 1024 * 1024;

export function jsonBody<T extends z.ZodType>(ctx: RouteContext, schema: T): z.output<T> {
  const text = ctx.req.body ?? '';
  if (Buffer.byteLength(text, 'utf8') > MAX_CONTENT_REQUEST_BYTES) {
    throw new ApiError(413, `The request is larger than ${MAX_CONTENT_REQUEST_BYTES} bytes`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw badRequest(`Invalid request: ${field}: ${issue?.message ?? 'is not valid'}`);
  }
  return parsed.data;
}
