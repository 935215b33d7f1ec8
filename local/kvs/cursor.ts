/** Opaque page cursors: base64url JSON naming the last item a page covered. */
import { invalidBody } from './errors';
import { isObject } from './request';

export function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...position }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: unknown, what: string): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  if (typeof cursor !== 'string' || cursor.length === 0) throw invalidBody(`${what} must be a cursor string`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalidBody(`${what} is not a cursor this store issued`);
  }
  if (!isObject(decoded) || decoded.v !== 1) throw invalidBody(`${what} is not a cursor this store issued`);
  return decoded;
}
