import {
  HEADERS,
  isNonce,
  isTimestamp,
  MAX_BODY_BYTES,
  RefusalCode,
  SIGNATURE_WINDOW_MS,
  SUPPORTED_PROTOCOLS,
  verify,
} from '../contract/relay-protocol';
import { headerValues, WebTriggerRequest } from './http';
import { readLinkSecret } from '../storage/relay/link';
import { acceptNonce } from '../storage/relay/nonces';

export interface Refusal {
  status: 400 | 401 | 405 | 413;
  code: RefusalCode;
  message: string;
  supported?: readonly number[];
}

export interface Authenticated {
  /** The version the request's header names (one of SUPPORTED_PROTOCOLS). */
  protocol: number;
  secret: string;
  nonce: string;
  body: string;
}

const refuse = (
  status: Refusal['status'],
  code: RefusalCode,
  message: string,
  supported?: readonly number[],
): Refusal => ({
  status,
  code,
  message,
  ...(supported ? { supported } : {}),
});

function single(request: WebTriggerRequest, name: string): string | undefined | null {
  const values = headerValues(request, name);
  if (values.length === 0) return undefined;
  return values.length === 1 ? (values[0] ?? null) : null;
}

/**
 * Checks everything about a request before its body is believed, cheapest
 * first, and writes nothing unless the signature is good (a forged request
 * cannot even spend a nonce). Order: method, size, protocol version,
 * presence and format of the signature headers, link, time window,
 * signature (constant time), nonce (once only).
 */
export async function authenticate(request: WebTriggerRequest, now: number): Promise<Authenticated | Refusal> {
  if ((request.method ?? '').toUpperCase() !== 'POST')
    return refuse(405, 'METHOD_NOT_ALLOWED', 'The relay protocol uses POST only.');
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    return refuse(413, 'TOO_LARGE', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  const protocol = single(request, HEADERS.protocol);
  const timestamp = single(request, HEADERS.timestamp);
  const nonce = single(request, HEADERS.nonce);
  const signature = single(request, HEADERS.signature);
  if (protocol === undefined && timestamp === undefined && nonce === undefined && signature === undefined) {
    return refuse(401, 'UNSIGNED', 'This URL answers signed relay requests only.');
  }
  if (!protocol || !SUPPORTED_PROTOCOLS.includes(Number(protocol)) || !/^\d+$/.test(protocol)) {
    return refuse(
      400,
      'UNSUPPORTED_PROTOCOL',
      `Protocol version ${protocol ?? '(none)'} is not supported; update the relay.`,
      SUPPORTED_PROTOCOLS,
    );
  }
  if (!timestamp || !nonce || !signature) return refuse(401, 'UNSIGNED', 'A signature header is missing or repeated.');
  if (!isTimestamp(timestamp) || !isNonce(nonce))
    return refuse(401, 'UNSIGNED', 'The timestamp or nonce header is malformed.');
  const link = await readLinkSecret();
  if (!link) return refuse(401, 'NOT_LINKED', 'No relay is linked: generate a link secret on the admin page.');
  if (Math.abs(now - Number(timestamp)) > SIGNATURE_WINDOW_MS) {
    return refuse(
      401,
      'STALE',
      `The request's timestamp is more than ${SIGNATURE_WINDOW_MS / 1000} s from the app's clock; check the relay host's clock.`,
    );
  }
  if (!verify(link.secret, timestamp, nonce, body, signature)) {
    return refuse(
      401,
      'BAD_SIGNATURE',
      'The signature does not match: the relay holds a different link secret (rotated?).',
    );
  }
  if (!(await acceptNonce(nonce, Math.ceil((2 * SIGNATURE_WINDOW_MS) / 1000)))) {
    return refuse(401, 'REPLAYED', 'This nonce was used before: each request needs a new one.');
  }
  return { protocol: Number(protocol), secret: link.secret, nonce, body };
}

export const isRefusal = (value: Authenticated | Refusal): value is Refusal => 'code' in value;
