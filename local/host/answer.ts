/**
 * What a host route answers, and the one place that writes it to the socket.
 * Every route returns a HostAnswer; none writes to the response itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './http-util';

export type HostAnswer =
  | { status: number; headers?: Record<string, string | string[]>; body: string | Buffer }
  /** Close the connection with no answer, as a dropped connection does (an injected fault). */
  | { dropConnection: true };

export const answer = (
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): HostAnswer => ({ status, headers, body });

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): HostAnswer =>
  answer(status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers });

export const text = (status: number, body: string): HostAnswer =>
  answer(status, body, { 'content-type': 'text/plain' });

export const html = (body: string): HostAnswer => answer(200, body, { 'content-type': 'text/html; charset=utf-8' });

/** The host's error shape for its own endpoints: `{error: {message}}`. */
export const hostError = (status: number, message: string): HostAnswer => json(status, { error: { message } });

export function writeAnswer(req: IncomingMessage, res: ServerResponse, out: HostAnswer): void {
  if ('dropConnection' in out) {
    req.socket.destroy();
    return;
  }
  send(res, out.status, out.body, out.headers);
}
