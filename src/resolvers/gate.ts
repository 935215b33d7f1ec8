/**
 * The one gate every resolver function passes through. A function is
 * declared with the kind of caller it serves (`adminFunction`,
 * `spaceFunction`) and its payload schema; `resolverOf` accepts nothing
 * else, so a function without the caller check cannot be written.
 * Who is calling comes only from Forge's context and the product API,
 * never from the payload or the page.
 */
import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { isCallerConfluenceAdmin } from '../confluence/admins';
import { parsePayload } from '../rules';
import type { Envelope } from '../contract/envelope';
import { AppError, enveloped } from './envelope';

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

/** A Confluence admin, checked with Confluence as the caller. */
export interface AdminCaller {
  accountId: string;
}

/** A signed-in user on a space's settings page; the space comes from the context. */
export interface SpaceCaller {
  accountId: string;
  space: { id: string; key: string };
}

const GATED = Symbol('gated resolver function');

/** A resolver function that has passed through the gate; only these can be defined. */
export interface GatedFunction {
  readonly [GATED]: (request: ResolverRequest) => Promise<Envelope<unknown>>;
}

type Body<P, C, A> = (payload: P, caller: C) => Promise<A>;

/** The caller's accountId, from the platform's context only. */
function callerAccountId(context: ResolverContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Sign in to Confluence to use this page.');
  return context.accountId;
}

/** The payload checked against its schema, or BAD_REQUEST naming the field. */
function validPayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = parsePayload(schema, payload ?? {});
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.message, { field: parsed.field });
  return parsed.data;
}

function gated(run: (request: ResolverRequest) => Promise<unknown>): GatedFunction {
  return { [GATED]: (request) => enveloped(() => run(request)) };
}

/**
 * A function of the admin page. A globalSettings page can be opened by URL
 * by anyone, so the caller is refused unless Confluence, asked as the
 * caller, says they are a Confluence admin. The check comes before the
 * payload is read.
 */
export function adminFunction<S extends z.ZodType, A>(
  schema: S,
  body: Body<z.output<S>, AdminCaller, A>,
): GatedFunction {
  return gated(async ({ payload, context }) => {
    const accountId = callerAccountId(context);
    if (!(await isCallerConfluenceAdmin())) {
      throw new AppError('FORBIDDEN', 'Only Confluence admins can manage built-in script permissions.');
    }
    return body(validPayload(schema, payload), { accountId });
  });
}

/**
 * A function of the space settings page: a signed-in caller and the space
 * the page was opened in. What they may do there (space admin, the rules)
 * is decided by the function through `src/resolvers/access` or the
 * explanation, with Confluence as the source.
 */
export function spaceFunction<S extends z.ZodType, A>(
  schema: S,
  body: Body<z.output<S>, SpaceCaller, A>,
): GatedFunction {
  return gated(async ({ payload, context }) => {
    const accountId = callerAccountId(context);
    const space = context.extension?.space;
    if (!space?.id || !space.key)
      throw new AppError('BAD_REQUEST', "This page must be opened from a space's settings.");
    return body(validPayload(schema, payload), { accountId, space: { id: String(space.id), key: space.key } });
  });
}

/** The Forge resolver definitions for one page's functions. */
export function resolverOf(functions: Record<string, GatedFunction>) {
  const resolver = new Resolver();
  for (const [key, fn] of Object.entries(functions)) {
    resolver.define(key, (request) => fn[GATED](request as unknown as ResolverRequest));
  }
  return resolver.getDefinitions();
}
