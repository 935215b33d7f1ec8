/** Key rules shared by the KVS, secrets and the Custom Entity Store. */
import { badRequest, invalidBody, KvsErrorCode } from './errors';
import type { KvsLimits } from './limits';

/** The documented key format, verbatim (in a non-unicode class `\s-#` is \s, '-' and '#'). */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

/**
 * `kvs` keys (plain and secret) report an empty key as KEY_TOO_SHORT, entity
 * keys as EMPTY_KEY: each store's error table names its own code.
 */
export type KeyFlavour = 'kvs' | 'entity';

export function validateKey(key: unknown, flavour: KeyFlavour, limits: KvsLimits): string {
  if (key === undefined) throw invalidBody('key is required');
  if (typeof key !== 'string') throw invalidBody('key must be a string');
  if (key.length === 0) {
    throw flavour === 'entity'
      ? badRequest(KvsErrorCode.EMPTY_KEY, 'Key cannot be empty.')
      : badRequest(KvsErrorCode.KEY_TOO_SHORT, 'The provided key needs to be at least one character.');
  }
  if (key.length > limits.maxKeyLength) {
    throw badRequest(
      KvsErrorCode.KEY_TOO_LONG,
      `The provided key has exceeded the maximum ${limits.maxKeyLength} characters (it has ${key.length}).`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(KvsErrorCode.INVALID_KEY, `The provided key does not match the regex: ${KEY_PATTERN.source}`);
  }
  return key;
}
