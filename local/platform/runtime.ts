import { randomBytes } from 'node:crypto';
import { AppIdentity, installContextOf } from './app-identity';
import { currentInvocation, INVOCATION_TIME_LIMIT_MS } from './invocation';

/**
 * The object Forge's runtime exposes as `global.__forge_runtime__`, read by
 * @forge/api (app context, metrics, remaining time, web trigger context).
 * It is answered per invocation, like the real runtime does.
 */
const noopTimer = { measure: () => ({ stop: () => undefined }) };
const metrics = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => noopTimer,
  gauge: () => ({ set: () => undefined }),
};

export function forgeRuntimeFor(app: AppIdentity): object {
  const invocation = currentInvocation();
  const limit = invocation ? invocation.limitMs : INVOCATION_TIME_LIMIT_MS.resolver;
  return {
    proxy: { token: 'local-proxy-token', url: 'http://local-forge-proxy' },
    tracing: { traceId: randomBytes(8).toString('hex'), spanId: randomBytes(8).toString('hex') },
    metrics,
    aaid: invocation?.accountId,
    contextAri: installContextOf(app),
    appContext: {
      appId: app.appId,
      appVersion: '1.0.0',
      environmentId: app.environmentId,
      environmentType: app.environmentType,
      invocationId: invocation?.id ?? 'outside-invocation',
      installationId: app.installationId,
      moduleKey: invocation?.moduleKey,
      permissions: { scopes: [...app.scopes], external: {} },
    },
    lambdaContext: {
      getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.startedAt + limit - Date.now()) : limit),
    },
    container: { appCodeDir: process.cwd() },
    externalAuth: [],
  };
}
