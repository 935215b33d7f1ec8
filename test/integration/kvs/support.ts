/**
 * Wires the real @forge/kvs SDK to a KvsEmulator through the platform seam,
 * `global.__forge_fetch__`. This is the one place to switch to
 * local/platform's installForgePlatform(...) once it lands.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { KvsEmulator, toFetchResponse, type KvsEmulatorOptions } from '../../../local/kvs';

interface ForgeFetchInit {
  body?: string;
}

type ForgeFetch = (descriptor: { type: string }, path: string, init: ForgeFetchInit) => Promise<Response>;

/** Every call the SDK made: path and parsed body, for assertions on the wire. */
export interface RecordedCall {
  path: string;
  body: unknown;
  status: number;
}

export function installEmulator(emulator: KvsEmulator, calls: RecordedCall[] = []): RecordedCall[] {
  const fetch: ForgeFetch = async (descriptor, path, init) => {
    if (descriptor.type !== 'kvs') throw new Error(`unexpected platform call ${descriptor.type} ${path}`);
    const bodyText = init.body ?? '';
    const response = await emulator.handle(path, bodyText);
    calls.push({ path, body: bodyText ? (JSON.parse(bodyText) as unknown) : undefined, status: response.status });
    return toFetchResponse(response);
  };
  // The seam the SDK reads per call; typed loosely because it is a global of the Forge runtime.
  (globalThis as unknown as { __forge_fetch__: ForgeFetch }).__forge_fetch__ = fetch;
  return calls;
}

/** A settable clock for TTL and rate-limit tests. */
export class FakeClock {
  constructor(public ms = Date.UTC(2025, 0, 1, 12, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A fresh emulator per test, installed as the platform; closed afterwards. */
export function useEmulator(options: () => KvsEmulatorOptions = () => ({})): {
  readonly emulator: KvsEmulator;
  readonly calls: RecordedCall[];
} {
  let current: KvsEmulator | undefined;
  let calls: RecordedCall[] = [];
  beforeEach(() => {
    current = new KvsEmulator(options());
    calls = installEmulator(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get emulator(): KvsEmulator {
      if (!current) throw new Error('no emulator outside a test');
      return current;
    },
    get calls(): RecordedCall[] {
      return calls;
    },
  };
}

/** Awaits a rejection and checks it is the SDK's ForgeKvsAPIError with `code` (and `status`). */
export async function expectKvsError(promise: Promise<unknown>, code: string, status?: number): Promise<ForgeKvsAPIError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ForgeKvsAPIError);
  const error = caught as ForgeKvsAPIError;
  expect({ code: error.code, ...(status !== undefined ? { status: error.responseDetails.status } : {}) }).toEqual({
    code,
    ...(status !== undefined ? { status } : {}),
  });
  return error;
}

/** A raw platform call, for request shapes the SDK's builders cannot produce. */
export async function rawCall(emulator: KvsEmulator, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await emulator.handle(path, JSON.stringify(body));
  return { status: response.status, json: response.body ? (JSON.parse(response.body) as unknown) : undefined };
}
