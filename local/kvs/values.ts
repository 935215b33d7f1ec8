/** Value rules: present, JSON, at most 240 KiB and 32 levels deep. */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { KvsLimits } from './limits';
import { byteLength } from './request';

/**
 * Nesting depth of containers: a primitive is 0, `{}` or `[]` is 1,
 * `{a: {}}` is 2. Stops counting once past `cap` so hostile input stays cheap.
 */
export function valueDepth(value: unknown, cap: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (cap <= 0) return 1;
  let deepest = 0;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  for (const child of children) {
    deepest = Math.max(deepest, valueDepth(child, cap - 1));
    if (deepest >= cap) break;
  }
  return 1 + deepest;
}

/** Values the store accepts: array, boolean, number, object or string (no null). */
export function validateValue(value: unknown, limits: KvsLimits): void {
  if (value === undefined) throw invalidBody('value is required');
  if (value === null) throw invalidBody('value must be an array, boolean, number, object or string, not null');
  const size = byteLength(JSON.stringify(value));
  if (size > limits.maxValueBytes) {
    throw badRequest(
      KvsErrorCode.MAX_SIZE,
      `The provided value has exceeded the maximum size limit: ${size} bytes, the limit is ${limits.maxValueBytes} bytes (240 KiB).`,
    );
  }
  const depth = valueDepth(value, limits.maxDepth + 1);
  if (depth > limits.maxDepth) {
    throw badRequest(
      KvsErrorCode.MAX_DEPTH,
      `The provided value has exceeded the maximum object depth (${limits.maxDepth}) limit.`,
    );
  }
}
