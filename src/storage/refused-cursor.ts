import { ForgeKvsAPIError } from '@forge/kvs';
import { RuleValidationError } from '../rules';

/**
 * Forge answers a query whose cursor it did not issue with a 4xx (the
 * emulator: 400 BAD_REQUEST; the code on Forge is not documented, so any
 * 4xx but a rate limit counts: a guess, docs/local-kvs.md).
 */
function isRefusedCursor(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  const status = error.responseDetails.status;
  return status >= 400 && status < 500 && status !== 429;
}

/** Runs a query page; a cursor the store refuses becomes BAD_REQUEST on `cursor`, saying what to do. */
export async function pageWithCursor<T>(cursor: string | undefined, what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (cursor && isRefusedCursor(error)) {
      throw new RuleValidationError('cursor', `cursor is not one ${what} gave out; reload from the first page`);
    }
    throw error;
  }
}
