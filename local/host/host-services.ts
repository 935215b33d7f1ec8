/**
 * What the host's routes share: the app as the manifest describes it, the
 * emulated platform, and the record of recent invocations. Built once by
 * createLocalHost; routes read it and never build their own.
 */
import type { ConfluenceEmulator } from '../confluence';
import type { KvsEmulator } from '../kvs';
import type { AppIdentity, Invocation, PlatformCallStats, WebTriggerRegistry } from '../platform';
import type { ForgeHandler } from './app-loader';
import type { HostPageData } from './host-pages';
import type { AppManifest, PageModule } from './manifest';
import type { InvokeRequest, SiteLookup } from './resolver-invoker';

/** One finished invocation, as /__local/stats reports it. */
export interface InvocationRecord {
  id: string;
  kind: Invocation['kind'];
  moduleKey: string;
  functionKey: string;
  accountId?: string;
  durationMs: number;
  outcome: 'ok' | 'error' | 'timeout';
  calls: PlatformCallStats;
}

export interface HostServices {
  projectRoot: string;
  manifest: AppManifest;
  app: AppIdentity;
  kvs: KvsEmulator;
  confluence: ConfluenceEmulator;
  webTriggers: WebTriggerRegistry;
  site: SiteLookup;
  handlers(): Record<string, ForgeHandler>;
  timeLimitsMs?: Partial<Record<Invocation['kind'], number>>;
  /** Runs a resolver as POST /__local/invoke does, and records it. */
  invoke(request: InvokeRequest): Promise<{ value: unknown; record: InvocationRecord }>;
  remember(invocation: Invocation, outcome: InvocationRecord['outcome']): InvocationRecord;
  records: InvocationRecord[];
  hostPageData(): HostPageData;
  defaultPersona(page: PageModule): string;
}

/** The `x-forge-platform-calls` header: an invocation's platform calls by kind and their sequential depth. */
export function platformCallsHeader(stats: PlatformCallStats): string {
  // Async event pushes are listed only when there were some, so older readers of the header see what they knew.
  const { events, ...byKind } = stats.byKind;
  return JSON.stringify({
    total: stats.total,
    ...byKind,
    ...(events ? { events } : {}),
    sequentialDepth: stats.sequentialDepth,
  });
}
