import { loadBridge } from './bridge';
import { isRecord, isResolverErrorCode, type ResolverResult } from './resolverResult';

/** Checks the `data` of a successful answer; a page passes one for its own shape. */
export type DataGuard<T> = (data: unknown) => data is T;

export type ResolverPayload = Record<string, unknown>;

const UNREACHABLE_MESSAGE = 'The app could not be reached. Check your connection and try again.';
const MALFORMED_MESSAGE =
  'The app sent an answer this page does not understand. Reload the page; if it persists, contact your Confluence admin.';

/**
 * Calls a resolver function through `invoke` from `@forge/bridge` and returns
 * a typed result. Never throws: a bridge failure (host unreachable, rate
 * limit, missing bridge) becomes `{ ok: false, error: { code: 'UNAVAILABLE' } }`,
 * and an answer that is not in the resolver shape (or whose data fails
 * `isData`) becomes `INTERNAL`.
 */
export async function invokeResolver<T>(
  functionKey: string,
  payload: ResolverPayload = {},
  isData?: DataGuard<T>,
): Promise<ResolverResult<T>> {
  let answer: unknown;
  try {
    const { invoke } = await loadBridge();
    answer = await invoke(functionKey, payload);
  } catch (thrown: unknown) {
    return { ok: false, error: { code: 'UNAVAILABLE', message: messageOf(thrown) } };
  }
  return readAnswer(answer, isData);
}

/** A page's functions: what each takes and answers (src/contract/admin-page.ts, space-settings.ts). */
export type FunctionMap<M> = { [K in keyof M]: { payload: unknown; answer: unknown } };

/**
 * A typed caller for one page's functions: the payload and the answer are
 * the contract's types, so the page and the server cannot drift apart. The
 * answer's envelope is checked here; its data is the server's, typed by the
 * same contract the server compiles against.
 */
export function resolverClient<M extends FunctionMap<M>>() {
  return <K extends keyof M & string>(
    functionKey: K,
    payload: M[K]['payload'],
  ): Promise<ResolverResult<M[K]['answer']>> =>
    invokeResolver<M[K]['answer']>(functionKey, (payload ?? {}) as ResolverPayload);
}

function readAnswer<T>(answer: unknown, isData?: DataGuard<T>): ResolverResult<T> {
  if (isRecord(answer) && answer.ok === true && 'data' in answer) {
    if (isData && !isData(answer.data)) {
      return { ok: false, error: { code: 'INTERNAL', message: MALFORMED_MESSAGE } };
    }
    // Without a guard the caller vouches for T.
    return { ok: true, data: answer.data as T };
  }
  if (isRecord(answer) && answer.ok === false && isRecord(answer.error)) {
    const { code, message, field, details } = answer.error;
    return {
      ok: false,
      error: {
        code: isResolverErrorCode(code) ? code : 'INTERNAL',
        message: typeof message === 'string' && message.trim() ? message : MALFORMED_MESSAGE,
        ...(typeof field === 'string' ? { field } : {}),
        ...(details !== undefined ? { details } : {}),
      },
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: MALFORMED_MESSAGE } };
}

function messageOf(thrown: unknown): string {
  const raw = thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : '';
  const message = raw.replace(/\s+/g, ' ').trim();
  return message || UNREACHABLE_MESSAGE;
}
