import { randomUUID } from 'node:crypto';
import { AppIdentity, installContextOf, Invocation, runInvocation } from '../platform';
import type { ForgeHandler } from './app-loader';
import type { AppManifest, PageModule } from './manifest';

/** A space as the local site knows it. */
export interface SpaceRef {
  id: string;
  key: string;
}

/** What the local host needs from the site to build a page's context. */
export interface SiteLookup {
  findSpaceByKey(key: string): SpaceRef | undefined;
  userExists(accountId: string): boolean;
}

export interface InvokeRequest {
  module: string;
  functionKey: string;
  payload?: unknown;
  context?: { accountId?: string; spaceKey?: string };
}

export class LocalHostError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LocalHostError';
  }
}

export interface PageContext {
  accountId?: string;
  cloudId: string;
  localId: string;
  moduleKey: string;
  siteUrl: string;
  environmentId: string;
  environmentType: string;
  locale: string;
  timezone: string;
  extension: { type: string; space?: SpaceRef };
}

/**
 * Builds the context Forge gives a Custom UI page and its resolver:
 * the module, the site, and for a space settings page the space.
 */
export function pageContext(
  app: AppIdentity,
  page: PageModule,
  site: SiteLookup,
  request: InvokeRequest['context'],
): PageContext {
  const accountId = request?.accountId || undefined;
  if (accountId && !site.userExists(accountId)) {
    throw new LocalHostError(400, `No user with accountId '${accountId}' in the site fixture`);
  }
  const extension: PageContext['extension'] = { type: page.moduleType };
  if (page.moduleType === 'confluence:spaceSettings') {
    const spaceKey = request?.spaceKey;
    if (!spaceKey)
      throw new LocalHostError(400, `Module '${page.key}' is a space settings page: context.spaceKey is required`);
    const space = site.findSpaceByKey(spaceKey);
    if (!space) throw new LocalHostError(400, `No space with key '${spaceKey}' in the site fixture`);
    extension.space = { id: space.id, key: space.key };
  }
  return {
    accountId,
    cloudId: app.cloudId,
    localId: `${page.key}-${randomUUID().slice(0, 8)}`,
    moduleKey: page.key,
    siteUrl: app.siteUrl,
    environmentId: app.environmentId,
    environmentType: app.environmentType,
    locale: 'en-US',
    timezone: 'UTC',
    extension,
  };
}

export interface InvokeOutcome {
  value: unknown;
  invocation: Invocation;
}

/** Runs a page's resolver function exactly as the page's invoke() would on Forge. */
export async function invokeResolver(
  app: AppIdentity,
  manifest: AppManifest,
  handlers: Record<string, ForgeHandler>,
  site: SiteLookup,
  request: InvokeRequest,
  timeLimitMs?: number,
): Promise<InvokeOutcome> {
  const page = manifest.pages.find((p) => p.key === request.module);
  if (!page) throw new LocalHostError(404, `No page module '${request.module}' in manifest.yml`);
  if (!page.resolverFunctionKey) throw new LocalHostError(400, `Module '${page.key}' has no resolver`);
  if (typeof request.functionKey !== 'string' || request.functionKey === '') {
    throw new LocalHostError(400, 'functionKey must be a non-empty string');
  }
  // @forge/resolver keeps its definitions in a plain object and looks a name
  // up with `in`, so `constructor`, `toString`, `__proto__` ... would reach
  // Object's own functions, which the app never defined.
  if (request.functionKey in Object.prototype) {
    throw new LocalHostError(404, `Module '${page.key}' defines no resolver function '${request.functionKey}'`);
  }
  const handler = handlers[page.resolverFunctionKey];
  const context = pageContext(app, page, site, request.context);
  const { accountId, ...contextWithoutUser } = context;
  const { result, invocation } = await runInvocation(
    { kind: 'resolver', moduleKey: page.key, functionKey: request.functionKey, accountId, timeLimitMs },
    async () =>
      handler(
        { call: { functionKey: request.functionKey, payload: request.payload ?? {} }, context: contextWithoutUser },
        {
          principal: accountId ? { accountId } : undefined,
          installContext: installContextOf(app),
          installation: { id: app.installationId },
        },
      ),
  );
  // Forge serialises the answer to JSON on its way to the page.
  return { value: result === undefined ? null : JSON.parse(JSON.stringify(result)), invocation };
}
