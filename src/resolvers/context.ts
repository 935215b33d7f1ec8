import type { ZodType } from 'zod';
import { parsePayload } from '../rules';
import { isCallerConfluenceAdmin } from '../confluence/admins';
import { AppError } from './envelope';

/** The parts of Forge's resolver context the app reads. */
export interface ResolverContext {
  accountId?: string;
  moduleKey?: string;
  extension?: { type?: string; space?: { id?: string | number; key?: string } };
}

export interface ResolverRequest {
  payload: unknown;
  context: ResolverContext;
}

/** The caller's accountId, from the platform's context only. */
export function callerAccountId(context: ResolverContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Sign in to Confluence to use this page.');
  return context.accountId;
}

/**
 * Refuses anyone but a Confluence admin. A globalSettings page can be opened
 * by URL by anyone, so every admin function asks Confluence, as the caller.
 */
export async function requireConfluenceAdmin(context: ResolverContext): Promise<string> {
  const accountId = callerAccountId(context);
  if (!(await isCallerConfluenceAdmin())) {
    throw new AppError('FORBIDDEN', 'Only Confluence admins can manage built-in script permissions.');
  }
  return accountId;
}

/** The payload checked against its schema, or BAD_REQUEST naming the field. */
export function validPayload<T>(schema: ZodType<T>, payload: unknown): T {
  const parsed = parsePayload(schema, payload ?? {});
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.message, { field: parsed.field });
  return parsed.data;
}
