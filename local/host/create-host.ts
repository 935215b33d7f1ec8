import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ConfluenceEmulator, loadDirectory } from '../confluence';
import { KvsEmulator, type KvsEntityDefinition } from '../kvs';
import { DEFAULT_CONSUMER_TIMEOUT_SECONDS, DeliveryRecord, EventsEmulator } from '../events';
import {
  AppIdentity,
  currentInvocation,
  installForgePlatform,
  Invocation,
  InvocationTimeoutError,
  WebTriggerRegistry,
} from '../platform';
import { hostError, writeAnswer } from './answer';
import { ForgeHandler, loadHandlers } from './app-loader';
import { currentFixture } from './fixture-choices';
import { HostPageData } from './host-pages';
import { HostServices, InvocationRecord } from './host-services';
import { AppManifest, PageModule, readManifest } from './manifest';
import { ConsumerFault, ConsumerInvoker } from './consumer-invoker';
import { invokeResolver, InvokeRequest, SiteLookup } from './resolver-invoker';
import { HostRoute, routeRequest } from './router';
import { confluenceRoutes } from './routes/confluence';
import { frameRoutes } from './routes/frames';
import { invokeRoutes } from './routes/invoke';
import { localApiRoutes } from './routes/local-api';
import { pageRoutes } from './routes/pages';
import { webTriggerRoutes } from './routes/web-triggers';

export type { InvocationRecord } from './host-services';

export interface LocalHostOptions {
  projectRoot?: string;
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** Site fixture (LOCAL_DIRECTORY); the demo fixture by default. */
  directoryFile?: string;
  /** Where KVS data and web trigger URLs persist (LOCAL_DATA_DIR); omit with `inMemory`. */
  dataDir?: string;
  /** Keep nothing on disk (tests). */
  inMemory?: boolean;
  /** Override Forge's invocation time limits (tests of the limit itself). */
  timeLimitsMs?: Partial<Record<Invocation['kind'], number>>;
  /**
   * Multiplies async event delays (`delayInSeconds`, retry back-off): 1 is
   * Forge's timing, 0 delivers at once (tests never wait on the clock).
   */
  eventDelayScale?: number;
}

/** The async events platform, for tests and the host pages. */
export interface LocalEvents {
  emulator: EventsEmulator;
  /** Resolves when no event is queued or being consumed (a run has ended or is waiting on nothing). */
  idle(): Promise<void>;
  /** The next consumer invocation crashes (or times out) right after its n-th matching platform call. */
  planConsumerFault(fault: ConsumerFault): void;
  deliveries(): DeliveryRecord[];
}

export interface LocalHost {
  url: string;
  app: AppIdentity;
  manifest: AppManifest;
  kvs: KvsEmulator;
  confluence: ConfluenceEmulator;
  webTriggers: WebTriggerRegistry;
  events: LocalEvents;
  /** Runs a resolver as POST /__local/invoke does. */
  invoke(request: InvokeRequest): Promise<{ value: unknown; record: InvocationRecord }>;
  recentInvocations(): InvocationRecord[];
  close(): Promise<void>;
}

const KEPT_INVOCATIONS = 500;

export async function createLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const projectRoot = resolve(options.projectRoot ?? join(__dirname, '..', '..'));
  const manifest = readManifest(projectRoot);
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? join(projectRoot, '.local-data'));
  const directory = loadDirectory(options.directoryFile);

  const records: InvocationRecord[] = [];
  let handlers: Record<string, ForgeHandler> = {};
  let baseUrl = '';

  let routes: HostRoute[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    routeRequest(routes, req, url)
      .then((out) => writeAnswer(req, res, out ?? hostError(404, `Nothing at ${url.pathname}`)))
      .catch((error: unknown) => writeAnswer(req, res, hostError(500, (error as Error).message)));
  });
  await new Promise<void>((ready) => server.listen(options.port ?? 0, options.hostname ?? '127.0.0.1', ready));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.hostname ?? '127.0.0.1'}:${address.port}`;

  const app: AppIdentity = {
    appId: manifest.appId,
    environmentId: 'local-development',
    environmentType: 'DEVELOPMENT',
    installationId: 'local-installation',
    cloudId: 'local-cloud-0000',
    scopes: manifest.scopes,
    siteUrl: baseUrl,
  };
  const kvs = new KvsEmulator({
    dataFile: dataDir ? join(dataDir, 'kvs.json') : undefined,
    entities: manifest.entities as KvsEntityDefinition[],
  });
  const confluence = new ConfluenceEmulator(directory, { baseUrl });
  const webTriggers = new WebTriggerRegistry(
    manifest.webTriggers.map((w) => w.key),
    () => baseUrl,
    dataDir ? join(dataDir, 'web-triggers.json') : undefined,
  );
  const timeoutSecondsOf = (functionKey: string) =>
    manifest.functionTimeouts[functionKey] ?? DEFAULT_CONSUMER_TIMEOUT_SECONDS;
  const consumers = new ConsumerInvoker(
    app,
    manifest.consumers,
    () => handlers,
    timeoutSecondsOf,
    options.timeLimitsMs?.consumer,
  );
  const events = new EventsEmulator({
    timeoutSecondsOf: (queue) => {
      const consumer = manifest.consumers.find((c) => c.queue === queue);
      return consumer ? timeoutSecondsOf(consumer.functionKey) : undefined;
    },
    chainOfCaller: () => currentInvocation()?.eventChain ?? 0,
    delayScale: options.eventDelayScale,
    dataFile: dataDir ? join(dataDir, 'events.json') : undefined,
    dispatch: async (event, chain) => {
      const { outcome, invocation } = await consumers.run(event, chain);
      if (invocation) {
        remember(
          invocation,
          outcome.kind === 'ok' || outcome.kind === 'retry' ? 'ok' : outcome.kind === 'ended' ? 'timeout' : 'error',
        );
      }
      return outcome;
    },
  });
  installForgePlatform({ app, kvs, confluence, graphql: webTriggers, events });
  handlers = loadHandlers(projectRoot, manifest);

  const site: SiteLookup = {
    findSpaceByKey: (key) => confluence.directory.spaces.find((s) => s.key === key),
    userExists: (accountId) => confluence.directory.users.some((u) => u.accountId === accountId),
  };

  function remember(invocation: Invocation, outcome: InvocationRecord['outcome']): InvocationRecord {
    const record: InvocationRecord = {
      id: invocation.id,
      kind: invocation.kind,
      moduleKey: invocation.moduleKey,
      functionKey: invocation.functionKey,
      accountId: invocation.accountId,
      durationMs: Date.now() - invocation.startedAt,
      outcome,
      calls: invocation.calls.stats(),
    };
    records.push(record);
    if (records.length > KEPT_INVOCATIONS) records.splice(0, records.length - KEPT_INVOCATIONS);
    return record;
  }

  async function invoke(request: InvokeRequest) {
    try {
      const { value, invocation } = await invokeResolver(
        app,
        manifest,
        handlers,
        site,
        request,
        options.timeLimitsMs?.resolver,
      );
      // What the page is told is on disk first: a host killed right after answering keeps it.
      await kvs.flush();
      return { value, record: remember(invocation, 'ok') };
    } catch (error) {
      if (error instanceof InvocationTimeoutError) remember(error.invocation, 'timeout');
      await kvs.flush().catch(() => undefined);
      throw error;
    }
  }

  function hostPageData(): HostPageData {
    return {
      personas: confluence.directory.users.map((u) => ({
        accountId: u.accountId,
        displayName: u.displayName,
        email: u.email,
        siteAdmin: u.siteAdmin === true,
      })),
      spaces: confluence.directory.spaces.map((s) => ({ key: s.key, name: s.name })),
      pages: manifest.pages,
      webTriggerUrls: webTriggers.list().map((t) => ({ moduleKey: t.triggerKey, url: t.url })),
      fixture: currentFixture(projectRoot, options.directoryFile, confluence.site.roles.mode),
    };
  }

  function defaultPersona(page: PageModule): string {
    const users = confluence.directory.users;
    const admin = users.find((u) => u.siteAdmin === true);
    return (
      (page.moduleType === 'confluence:globalSettings' ? admin : undefined)?.accountId ?? users[0]?.accountId ?? ''
    );
  }

  const services: HostServices = {
    projectRoot,
    manifest,
    app,
    kvs,
    confluence,
    webTriggers,
    site,
    handlers: () => handlers,
    timeLimitsMs: options.timeLimitsMs,
    invoke,
    remember,
    records,
    hostPageData,
    defaultPersona,
  };
  // In order: the first route that matches and answers wins.
  routes = [
    ...confluenceRoutes(services),
    ...webTriggerRoutes(services),
    ...invokeRoutes(services),
    ...frameRoutes(services),
    ...localApiRoutes(services),
    ...pageRoutes(services),
  ];

  return {
    url: baseUrl,
    app,
    manifest,
    kvs,
    confluence,
    webTriggers,
    events: {
      emulator: events,
      idle: () => events.idle(),
      planConsumerFault: (fault) => consumers.planFault(fault),
      deliveries: () => events.deliveries(),
    },
    invoke,
    recentInvocations: () => [...records],
    async close() {
      events.close();
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      await kvs.close();
    },
  };
}
