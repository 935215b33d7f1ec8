/**
 * Wires the real @forge/kvs SDK to a KvsEmulator through the platform seam
 * the local host installs (`installForgePlatform`: `global.__forge_fetch__`
 * and `global.__forge_runtime__`), recording every KVS call on the wire.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { ConfluenceEmulator, loadDirectory } from '../../../local/confluence';
import { KvsEmulator, type KvsEmulatorOptions } from '../../../local/kvs';
import { installForgePlatform, WebTriggerRegistry } from '../../../local/platform';

/** Every call the SDK made: path and parsed body, for assertions on the wire. */
export interface RecordedCall {
  path: string;
  body: unknown;
  status: number;
}

export function installEmulator(emulator: KvsEmulator, calls: RecordedCall[] = []): RecordedCall[] {
  const recordingKvs = {
    async handle(path: string, bodyText: string) {
      const response = await emulator.handle(path, bodyText);
      calls.push({ path, body: bodyText ? (JSON.parse(bodyText) as unknown) : undefined, status: response.status });
      return response;
    },
  };
  installForgePlatform({
    app: {
      appId: 'ari:cloud:ecosystem::app/kvs-tests',
      environmentId: 'test',
      environmentType: 'DEVELOPMENT',
      installationId: 'test',
      cloudId: 'test-cloud',
      scopes: ['storage:app'],
      siteUrl: 'http://127.0.0.1',
    },
    kvs: recordingKvs,
    confluence: new ConfluenceEmulator(loadDirectory()),
    graphql: new WebTriggerRegistry([], () => 'http://127.0.0.1'),
  });
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
export async function expectKvsError(
  promise: Promise<unknown>,
  code: string,
  status?: number,
): Promise<ForgeKvsAPIError> {
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
export async function rawCall(
  emulator: KvsEmulator,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await emulator.handle(path, JSON.stringify(body));
  return { status: response.status, json: response.body ? (JSON.parse(response.body) as unknown) : undefined };
}
