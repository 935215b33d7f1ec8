import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The parts of manifest.yml the local host runs. */
export interface PageModule {
  moduleType: 'confluence:globalSettings' | 'confluence:spaceSettings';
  key: string;
  resourceKey: string;
  resolverFunctionKey?: string;
  title: string;
  route?: string;
}

export interface WebTriggerModule {
  key: string;
  functionKey: string;
}

/** A `consumer` module: the function Forge invokes for each event pushed to `queue`. */
export interface ConsumerModule {
  key: string;
  queue: string;
  functionKey: string;
}

export interface AppManifest {
  appId: string;
  pages: PageModule[];
  webTriggers: WebTriggerModule[];
  consumers: ConsumerModule[];
  /** function key -> its `timeoutSeconds`, where the manifest sets one */
  functionTimeouts: Record<string, number>;
  /** function key -> handler reference such as `index.adminResolver` */
  functions: Record<string, string>;
  /** resource key -> folder holding index.html, relative to the project root */
  resources: Record<string, string>;
  scopes: string[];
  /** permissions.content.styles, e.g. ['unsafe-inline'] (Forge's CSP for Custom UI follows it). */
  contentStyles: string[];
  entities: unknown[];
}

type Raw = Record<string, unknown>;
const asArray = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);
const titleOf = (value: unknown): string =>
  typeof value === 'string' ? value : String((value as Raw | undefined)?.['i18n'] ?? '');

export function readManifest(projectRoot: string): AppManifest {
  const raw = parse(readFileSync(join(projectRoot, 'manifest.yml'), 'utf8')) as Raw;
  const modules = (raw.modules ?? {}) as Raw;
  const pages: PageModule[] = [];
  for (const moduleType of ['confluence:globalSettings', 'confluence:spaceSettings'] as const) {
    for (const m of asArray(modules[moduleType])) {
      pages.push({
        moduleType,
        key: String(m.key),
        resourceKey: String(m.resource),
        resolverFunctionKey: (m.resolver as Raw | undefined)?.function as string | undefined,
        title: titleOf(m.title),
        route: m.route as string | undefined,
      });
    }
  }
  const functions: Record<string, string> = {};
  const functionTimeouts: Record<string, number> = {};
  for (const f of asArray(modules.function)) {
    functions[String(f.key)] = String(f.handler);
    if (typeof f.timeoutSeconds === 'number') functionTimeouts[String(f.key)] = f.timeoutSeconds;
  }
  const resources: Record<string, string> = {};
  for (const r of asArray(raw.resources)) resources[String(r.key)] = String(r.path);
  const permissions = (raw.permissions ?? {}) as Raw;
  const app = (raw.app ?? {}) as Raw;
  return {
    appId: String(app.id ?? 'ari:cloud:ecosystem::app/local'),
    pages,
    webTriggers: asArray(modules.webtrigger).map((w) => ({ key: String(w.key), functionKey: String(w.function) })),
    // The 2.x form names a function; the 1.x resolver form (`resolver: {function, method}`) is the old API.
    consumers: asArray(modules.consumer).map((c) => ({
      key: String(c.key),
      queue: String(c.queue),
      functionKey: String(c.function ?? (c.resolver as Raw | undefined)?.function),
    })),
    functionTimeouts,
    functions,
    resources,
    scopes: (permissions.scopes as string[] | undefined) ?? [],
    contentStyles: (((permissions.content ?? {}) as Raw).styles as string[] | undefined) ?? [],
    entities: asArray(((app.storage ?? {}) as Raw).entities),
  };
}
