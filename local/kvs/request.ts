/** Small readers for request bodies: each refuses a wrong shape with BAD_REQUEST. */
import { invalidBody } from './errors';
import type { JsonObject } from './types';

export function parseJsonBody(bodyText: string): unknown {
  try {
    return JSON.parse(bodyText === '' ? '{}' : bodyText) as unknown;
  } catch {
    throw invalidBody('the body is not JSON');
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, what: string): JsonObject {
  if (!isObject(value)) throw invalidBody(`${what} must be a JSON object`);
  return value;
}

export function optionalObject(value: unknown, what: string): JsonObject | undefined {
  return value === undefined ? undefined : asObject(value, what);
}

export function optionalArray(value: unknown, what: string): unknown[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidBody(`${what} must be an array`);
  return value;
}

export function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidBody(`${what} must be a string`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidBody(`${what} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
