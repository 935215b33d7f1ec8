/**
 * The pages' one runtime check of what a resolver answered: the envelope.
 * The data inside is typed by src/contract, which the server compiles
 * against too. Runs @forge/bridge's real `invoke` over a stand-in for the
 * host's `__bridge.callBridge`, as the local host injects it.
 */
import type { AdminPageFunctions } from '../../../src/contract/admin-page';
import { invokeResolver, resolverClient } from '../../../static/shared/invokeResolver';

type CallBridge = (name: string, args: { functionKey: string; payload: unknown }) => Promise<unknown>;
let answer: CallBridge = async () => undefined;
const calls: { name: string; functionKey: string; payload: unknown }[] = [];

beforeAll(() => {
  (globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge = {
    callBridge: (name, args) => {
      calls.push({ name, functionKey: args.functionKey, payload: args.payload });
      return answer(name, args);
    },
  };
});

beforeEach(() => {
  calls.length = 0;
});

describe('invokeResolver', () => {
  it('passes a successful answer through, typed by the contract', async () => {
    answer = async () => ({ ok: true, data: { entries: [], nextCursor: 'c2' } });
    const call = resolverClient<AdminPageFunctions>();
    const result = await call('getAuditLog', { cursor: 'c1' });
    expect(result).toEqual({ ok: true, data: { entries: [], nextCursor: 'c2' } });
    expect(calls).toEqual([{ name: 'invoke', functionKey: 'getAuditLog', payload: { cursor: 'c1' } }]);
  });

  it('keeps a refusal’s code, message, field and details', async () => {
    const error = { code: 'CONFLICT', message: 'Ada changed the rules.', field: 'expectedVersion', details: { v: 4 } };
    answer = async () => ({ ok: false, error });
    expect(await invokeResolver('saveConfig', {})).toEqual({ ok: false, error });
  });

  it('reads an unknown error code or an empty message as INTERNAL with words a person can act on', async () => {
    answer = async () => ({ ok: false, error: { code: 'TEAPOT', message: ' ' } });
    const result = await invokeResolver('getConfig', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toMatch(/Reload the page/);
  });

  it('answers INTERNAL for something that is not an envelope', async () => {
    for (const raw of [undefined, null, 'ok', { ok: 'yes' }, { ok: true }, { ok: false, error: 'x' }]) {
      answer = async () => raw;
      const result = await invokeResolver('getConfig', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    }
  });

  it('turns a bridge failure into UNAVAILABLE, never a throw', async () => {
    answer = async () => {
      throw new Error('socket hang up');
    };
    expect(await invokeResolver('getConfig', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'socket hang up' },
    });
  });
});
