import { join } from 'node:path';
import type { AppManifest } from './manifest';

/** A Forge function handler: resolvers get (request, runtimePayload), web triggers (request, context). */
export type ForgeHandler = (request: unknown, second: unknown) => unknown;

/**
 * Finds the handler a function key names (`index.adminResolver` -> export
 * `adminResolver` of src/index.ts), the way Forge's bundler resolves it.
 */
export function loadHandlers(projectRoot: string, manifest: AppManifest): Record<string, ForgeHandler> {
  const handlers: Record<string, ForgeHandler> = {};
  for (const [functionKey, reference] of Object.entries(manifest.functions)) {
    const dot = reference.lastIndexOf('.');
    const file = reference.slice(0, dot);
    const exportName = reference.slice(dot + 1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app is loaded at run time, after the platform is installed
    const appModule = require(join(projectRoot, 'src', file)) as Record<string, unknown>;
    const handler = appModule[exportName];
    if (typeof handler !== 'function') {
      throw new Error(
        `manifest.yml function '${functionKey}' names ${reference}, but src/${file} exports no function '${exportName}'`,
      );
    }
    handlers[functionKey] = handler as ForgeHandler;
  }
  return handlers;
}
