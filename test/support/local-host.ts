import { createLocalHost, LocalHost, LocalHostOptions } from '../../local/host/create-host';

/** A local Forge host for one test file: in memory, on a free port. */
export async function startHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  return createLocalHost({ inMemory: true, port: 0, ...options });
}

export interface InvokeAnswer<T = unknown> {
  status: number;
  body: T;
  platformCalls?: { total: number; kvs: number; product: number; graphql: number; sequentialDepth: number };
}

/** POST /__local/invoke: runs a resolver exactly as the page's invoke() would. */
export async function invoke<T = unknown>(
  host: LocalHost,
  module: string,
  functionKey: string,
  payload: unknown,
  context: { accountId?: string; spaceKey?: string },
): Promise<InvokeAnswer<T>> {
  const response = await fetch(`${host.url}/__local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ module, functionKey, payload, context }),
  });
  const calls = response.headers.get('x-forge-platform-calls');
  return {
    status: response.status,
    body: (await response.json()) as T,
    platformCalls: calls ? JSON.parse(calls) : undefined,
  };
}

export type Envelope<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string; details?: unknown } };

/** The data of a successful resolver answer, or a failed assertion that says what came back. */
export function dataOf<T>(answer: InvokeAnswer<Envelope<T>>): T {
  if (answer.status !== 200 || !answer.body.ok) {
    throw new Error(`Expected ok, got HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body.data;
}

export const basicAuth = (email: string, token: string): string =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
