/**
 * The relay's web trigger: the signed protocol of docs/relay-protocol.md.
 * Anyone can call a web trigger URL, so nothing here trusts a request until
 * `authenticate` has checked its signature, time and nonce.
 */
import { isKvsRateLimited } from '../storage/kvs-errors';
import { authenticate, isRefusal } from './authenticate';
import { now } from '../clock';
import { dispatch } from './dispatch';
import { jsonAnswer, WebTriggerRequest, WebTriggerResponse } from './http';
import { HEADERS, PROTOCOL_VERSION, RelayRequest, sign } from '../contract/relay-protocol';

export type { WebTriggerRequest, WebTriggerResponse } from './http';

function parseBody(body: string): { ok: true; request: RelayRequest } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
  const parsed = RelayRequest.safeParse(json);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}

export async function relayTrigger(request: WebTriggerRequest): Promise<WebTriggerResponse> {
  try {
    const at = now();
    const auth = await authenticate(request, at);
    if (isRefusal(auth)) {
      return jsonAnswer(auth.status, {
        error: { code: auth.code, message: auth.message, ...(auth.supported ? { supported: auth.supported } : {}) },
      });
    }
    const parsed = parseBody(auth.body);
    if (!parsed.ok) return jsonAnswer(400, { error: { code: 'MALFORMED', message: parsed.message } });
    const answer = await dispatch(parsed.request, at);
    const body = JSON.stringify({ protocol: PROTOCOL_VERSION, ...answer });
    const timestamp = String(now());
    return {
      statusCode: 200,
      headers: {
        'Content-Type': ['application/json'],
        'Cache-Control': ['no-store'],
        [HEADERS.protocol]: [String(PROTOCOL_VERSION)],
        [HEADERS.timestamp]: [timestamp],
        [HEADERS.nonce]: [auth.nonce],
        [HEADERS.signature]: [sign(auth.secret, timestamp, auth.nonce, body)],
      },
      body,
    };
  } catch (error) {
    if (isKvsRateLimited(error)) {
      return jsonAnswer(
        503,
        { error: { code: 'BUSY', message: 'Forge storage is busy; try again shortly.' } },
        { 'Retry-After': ['5'] },
      );
    }
    console.error('Relay web trigger failed', error);
    return jsonAnswer(500, {
      error: { code: 'INTERNAL', message: 'The app could not handle this request; the relay should retry later.' },
    });
  }
}
