// Query-string parameter readers; bad values become 400s naming the parameter.
import { badRequest } from './http';

export interface IntOptions {
  default: number;
  min: number;
  /** Values above max: clamp (v1 "restricted by fixed system limits") or reject (v2 schema). */
  max?: number;
  aboveMax?: 'clamp' | 'reject';
}

const INTEGER = /^-?[0-9]+$/;

export function intParam(query: URLSearchParams, name: string, opts: IntOptions): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return opts.default;
  if (!INTEGER.test(raw.trim())) throw badRequest(`Parameter '${name}' must be an integer, got '${raw}'`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value)) throw badRequest(`Parameter '${name}' is out of range: ${raw}`);
  if (value < opts.min) {
    throw badRequest(
      opts.max === undefined
        ? `Parameter '${name}' must be ${opts.min} or more, got ${value}`
        : `Parameter '${name}' must be between ${opts.min} and ${opts.max}, got ${value}`,
    );
  }
  if (opts.max !== undefined && value > opts.max) {
    if (opts.aboveMax === 'clamp') return opts.max;
    throw badRequest(`Parameter '${name}' must be between ${opts.min} and ${opts.max}, got ${value}`);
  }
  return value;
}

/** A required, non-empty parameter. */
export function requiredParam(query: URLSearchParams, name: string): string {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') throw badRequest(`Parameter '${name}' is required`);
  return raw;
}

/** A multi-value parameter: repeated (`a=1&a=2`) and/or comma-separated (`a=1,2`). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw badRequest(`Parameter '${name}' must be true or false, got '${raw}'`);
}

/** One of a fixed set of values (undefined when absent). */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  const found = allowed.find((a) => a === raw);
  if (found === undefined) throw badRequest(`Parameter '${name}' must be one of ${allowed.join(', ')}, got '${raw}'`);
  return found;
}

/** The `expand` parameter as a set of names. */
export function expandParam(query: URLSearchParams): Set<string> {
  return new Set(listParam(query, 'expand'));
}
