/**
 * The relay's side of the protocol: signs each request with the link secret,
 * sends it to the app's web trigger URL, and believes an answer only when
 * the app signed it for this very request (same nonce, fresh timestamp).
 * The Confluence API token is never part of anything sent here.
 */
import type { z } from 'zod';
import {
  ErrorAnswer,
  HEADERS,
  LeaseAnswer,
  newNonce,
  PeekAnswer,
  PROTOCOL_VERSION,
  RelayInfo,
  ReportAnswer,
  SIGNATURE_WINDOW_MS,
  sign,
  StatusAnswer,
  verify,
  type ItemResult,
} from '../../src/contract/relay-protocol';
import { HttpFailure, RetryPolicy, withRetries } from './retry';

export class AppRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AppRefusedError';
  }
}

export interface AppClientOptions {
  url: string;
  secret: string;
  relay: () => RelayInfo;
  retry: RetryPolicy;
  now?: () => number;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export class AppClient {
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: AppClientOptions) {
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  lease(max: number, leaseSeconds: number) {
    return this.call(LeaseAnswer, { type: 'lease', max, leaseSeconds });
  }

  peek(max: number) {
    return this.call(PeekAnswer, { type: 'peek', max });
  }

  report(results: ItemResult[]) {
    return this.call(ReportAnswer, { type: 'report', results });
  }

  status() {
    return this.call(StatusAnswer, { type: 'status' });
  }

  private async call<S extends z.ZodType>(schema: S, message: Record<string, unknown>): Promise<z.infer<S>> {
    // Each attempt is a new signed request: a retried request must not reuse its nonce.
    return withRetries(this.options.retry, 'app', async () => {
      const body = JSON.stringify({ protocol: PROTOCOL_VERSION, relay: this.options.relay(), ...message });
      const timestamp = String(this.now());
      const nonce = newNonce();
      let response: Response;
      try {
        response = await this.fetchImpl(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [HEADERS.protocol]: String(PROTOCOL_VERSION),
            [HEADERS.timestamp]: timestamp,
            [HEADERS.nonce]: nonce,
            [HEADERS.signature]: sign(this.options.secret, timestamp, nonce, body),
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
        });
      } catch (error) {
        throw new HttpFailure(0, `could not reach the app's web trigger: ${(error as Error).message}`);
      }
      const text = await response.text().catch(() => '');
      if (response.status === 429 || response.status >= 500) {
        throw new HttpFailure(
          response.status,
          `the app answered ${response.status}`,
          response.headers.get('retry-after'),
        );
      }
      if (response.status !== 200) {
        const parsed = ErrorAnswer.safeParse(safeJson(text));
        const code = parsed.success ? parsed.data.error.code : `HTTP_${response.status}`;
        const why = parsed.success ? parsed.data.error.message : text.slice(0, 200);
        throw new AppRefusedError(response.status, code, why);
      }
      this.checkAnswerSignature(response, nonce, text);
      const parsed = schema.safeParse(safeJson(text));
      if (!parsed.success)
        throw new AppRefusedError(
          200,
          'BAD_ANSWER',
          `the app sent an answer this relay does not understand: ${parsed.error.issues[0]?.message}`,
        );
      return parsed.data;
    });
  }

  private checkAnswerSignature(response: Response, nonce: string, text: string): void {
    const ts = response.headers.get(HEADERS.timestamp) ?? '';
    const echoed = response.headers.get(HEADERS.nonce) ?? '';
    const signature = response.headers.get(HEADERS.signature) ?? '';
    const fresh = Math.abs(this.now() - Number(ts)) <= SIGNATURE_WINDOW_MS;
    if (echoed !== nonce || !fresh || !verify(this.options.secret, ts, nonce, text, signature)) {
      throw new AppRefusedError(
        200,
        'UNSIGNED_ANSWER',
        'the answer from the web trigger URL is not signed with the link secret: check the URL',
      );
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
