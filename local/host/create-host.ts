import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { ConfluenceEmulator, ConnectionDropped, loadDirectory } from '../confluence';
import { KvsEmulator, type KvsEntityDefinition } from '../kvs';
import { DEFAULT_CONSUMER_TIMEOUT_SECONDS, DeliveryRecord, EventsEmulator } from '../events';
import {
  AppIdentity,
  currentInvocation,
  installForgePlatform,
  Invocation,
  InvocationTimeoutError,
  PlatformCallStats,
  WebTriggerRegistry,
} from '../platform';
import { ForgeHandler, loadHandlers } from './app-loader';
import { BRIDGE_SCRIPT } from './bridge-script';
import { framePage, HostPageData, indexPage } from './host-pages';
import { BodyTooLargeError, contentTypeOf, readBody, send, sendJson } from './http-util';
import { AppManifest, PageModule, readManifest } from './manifest';
import { ConsumerFault, ConsumerInvoker } from './consumer-invoker';
import { invokeResolver, InvokeRequest, LocalHostError, pageContext, SiteLookup } from './resolver-invoker';
import { themeCss } from './theme-css';
import { invokeWebTrigger } from './web-trigger-invoker';

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

/** Forge caps a function's request payload; we refuse larger bodies the same way. */
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
const KEPT_INVOCATIONS = 500;

function platformCallsHeader(stats: PlatformCallStats): string {
  // Async event pushes are listed only when there were some, so older readers of the header see what they knew.
  const { events, ...byKind } = stats.byKind;
  return JSON.stringify({
    total: stats.total,
    ...byKind,
    ...(events ? { events } : {}),
    sequentialDepth: stats.sequentialDepth,
  });
}

/** Content-Security-Policy like the one Forge serves Custom UI with. */
function customUiCsp(inlineStylesAllowed: boolean): string {
  const styles = inlineStylesAllowed ? "'self' 'unsafe-inline'" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styles}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export async function createLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const projectRoot = resolve(options.projectRoot ?? join(__dirname, '..', '..'));
  const manifest = readManifest(projectRoot);
  const inlineStylesAllowed = manifest.contentStyles.includes('unsafe-inline');
  const dataDir = options.inMemory ? undefined : resolve(options.dataDir ?? join(projectRoot, '.local-data'));
  const directory = loadDirectory(options.directoryFile);

  const records: InvocationRecord[] = [];
  let handlers: Record<string, ForgeHandler> = {};
  let baseUrl = '';

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      sendJson(res, 500, { error: { message: (error as Error).message } });
    });
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
      return { value, record: remember(invocation, 'ok') };
    } catch (error) {
      if (error instanceof InvocationTimeoutError) remember(error.invocation, 'timeout');
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
    };
  }

  function defaultPersona(page: PageModule): string {
    const users = confluence.directory.users;
    const admin = users.find((u) => u.siteAdmin === true);
    return (
      (page.moduleType === 'confluence:globalSettings' ? admin : undefined)?.accountId ?? users[0]?.accountId ?? ''
    );
  }

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let request: InvokeRequest;
    try {
      request = JSON.parse(await readBody(req, MAX_REQUEST_BYTES)) as InvokeRequest;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: { message: error.message } });
      return sendJson(res, 400, {
        error: { message: 'Request body must be JSON: {module, functionKey, payload, context}' },
      });
    }
    if (!request || typeof request !== 'object') {
      return sendJson(res, 400, { error: { message: 'Request body must be a JSON object' } });
    }
    try {
      const { value, record } = await invoke(request);
      sendJson(res, 200, value, {
        'x-forge-platform-calls': platformCallsHeader(record.calls),
        'x-forge-invocation-id': record.id,
      });
    } catch (error) {
      if (error instanceof LocalHostError) return sendJson(res, error.status, { error: { message: error.message } });
      if (error instanceof InvocationTimeoutError) return sendJson(res, 504, { error: { message: error.message } });
      // A resolver that throws makes invoke() reject on Forge; the page's bridge rejects here too.
      sendJson(res, 500, { error: { message: `Resolver threw: ${(error as Error).message}` } });
    }
  }

  async function handleWebTrigger(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , id, ...rest] = url.pathname.split('/');
    const moduleKey = webTriggers.moduleKeyFor(id ?? '');
    if (!moduleKey) return send(res, 404, 'Web trigger URL not found', { 'content-type': 'text/plain' });
    let body: string;
    try {
      body = await readBody(req, MAX_REQUEST_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return send(res, 413, 'Payload too large', { 'content-type': 'text/plain' });
      throw error;
    }
    try {
      const answer = await invokeWebTrigger(
        app,
        manifest,
        handlers,
        moduleKey,
        {
          method: req.method ?? 'GET',
          path: url.pathname,
          userPath: rest.length ? `/${rest.join('/')}` : '',
          query: url.searchParams,
          headers: req.headers,
          body,
        },
        options.timeLimitsMs?.webtrigger,
      );
      remember(answer.invocation, answer.status >= 500 ? 'error' : 'ok');
      send(res, answer.status, answer.body, {
        ...answer.headers,
        'x-forge-platform-calls': platformCallsHeader(answer.invocation.calls.stats()),
      });
    } catch (error) {
      if (error instanceof InvocationTimeoutError) {
        remember(error.invocation, 'timeout');
        return send(res, 504, 'Web trigger function timed out', { 'content-type': 'text/plain' });
      }
      send(res, 500, 'Web trigger function failed', { 'content-type': 'text/plain' });
    }
  }

  async function handleConfluence(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const caller = confluence.authenticate(req.headers.authorization);
    if (!caller) {
      return sendJson(
        res,
        401,
        {
          statusCode: 401,
          message:
            'Basic authentication with passwords is deprecated. For more information, see: https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/',
          data: { authorized: false, valid: true, errors: [], successful: false },
        },
        { 'www-authenticate': 'Basic realm="Confluence"' },
      );
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    try {
      const answer = await confluence.handle(
        { method: req.method ?? 'GET', path: url.pathname + url.search, headers, body: body || undefined },
        caller,
      );
      send(res, answer.status, answer.body, answer.headers);
    } catch (error) {
      // An injected fault: the connection closes with no answer, as a dropped one does.
      if (error instanceof ConnectionDropped) return void req.socket.destroy();
      throw error;
    }
  }

  function serveFrame(res: ServerResponse, url: URL): void {
    const [, , , moduleKey, ...fileParts] = url.pathname.split('/');
    const page = manifest.pages.find((p) => p.key === decodeURIComponent(moduleKey ?? ''));
    if (!page) return send(res, 404, 'Unknown module', { 'content-type': 'text/plain' });
    const root = resolve(projectRoot, manifest.resources[page.resourceKey] ?? '');
    const relative =
      fileParts.length === 0 || fileParts.join('/') === '' ? 'index.html' : decodeURIComponent(fileParts.join('/'));
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep) || !existsSync(file)) {
      const hint = relative === 'index.html' ? ' (run `npm run build:ui`)' : '';
      return send(res, 404, `Not found: ${relative}${hint}`, { 'content-type': 'text/plain' });
    }
    const csp = { 'content-security-policy': customUiCsp(inlineStylesAllowed) };
    if (relative === 'index.html') {
      const html = readFileSync(file, 'utf8').replace(
        /<head([^>]*)>/i,
        '<head$1><script src="/__local/bridge.js"></script>',
      );
      return send(res, 200, html, { 'content-type': 'text/html; charset=utf-8', ...csp });
    }
    send(res, 200, readFileSync(file), { 'content-type': contentTypeOf(file), ...csp });
  }

  function serveHostPage(res: ServerResponse, url: URL): boolean {
    const data = hostPageData();
    const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const admin = /^\/admin\/([^/]+)$/.exec(url.pathname);
    const space = /^\/spaces\/([^/]+)\/settings(?:\/([^/]+))?$/.exec(url.pathname);
    let page: PageModule | undefined;
    let spaceKey: string | undefined;
    if (admin) page = manifest.pages.find((p) => p.key === admin[1] && p.moduleType === 'confluence:globalSettings');
    if (space) {
      spaceKey = decodeURIComponent(space[1]);
      page = manifest.pages.find(
        (p) => p.moduleType === 'confluence:spaceSettings' && (!space[2] || p.route === space[2] || p.key === space[2]),
      );
      const chosen = url.searchParams.get('space');
      if (chosen && chosen !== spaceKey && page) {
        send(res, 302, '', {
          location: `/spaces/${encodeURIComponent(chosen)}/settings/${page.route ?? page.key}?${new URLSearchParams({ as: url.searchParams.get('as') ?? '', theme })}`,
        });
        return true;
      }
    }
    if (!page) return false;
    const accountId = url.searchParams.get('as') || defaultPersona(page);
    send(res, 200, framePage(data, page, { accountId, spaceKey, theme }), {
      'content-type': 'text/html; charset=utf-8',
    });
    return true;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    if (path.startsWith('/wiki/')) return handleConfluence(req, res, url);
    if (path.startsWith('/x1/')) return handleWebTrigger(req, res, url);
    if (path === '/__local/invoke' && req.method === 'POST') return handleInvoke(req, res);
    if (path === '/__local/bridge.js')
      return send(res, 200, BRIDGE_SCRIPT, { 'content-type': 'text/javascript; charset=utf-8' });
    if (path === '/__local/theme.css') return send(res, 200, themeCss(), { 'content-type': 'text/css; charset=utf-8' });
    if (path.startsWith('/__local/frame/')) return serveFrame(res, url);
    if (path === '/__local/stats') return sendJson(res, 200, { invocations: records.slice(-100).reverse() });
    if (path === '/__local/context') {
      const page = manifest.pages.find((p) => p.key === url.searchParams.get('module'));
      if (!page) return sendJson(res, 404, { error: { message: 'Unknown module' } });
      try {
        return sendJson(
          res,
          200,
          pageContext(app, page, site, {
            accountId: url.searchParams.get('accountId') ?? undefined,
            spaceKey: url.searchParams.get('spaceKey') ?? undefined,
          }),
        );
      } catch (error) {
        return sendJson(res, error instanceof LocalHostError ? error.status : 500, {
          error: { message: (error as Error).message },
        });
      }
    }
    if (path === '/__local/reset' && req.method === 'POST') {
      kvs.reset();
      records.length = 0;
      return sendJson(res, 200, { reset: true });
    }
    if (path === '/' || path === '/index.html')
      return send(res, 200, indexPage(hostPageData()), { 'content-type': 'text/html; charset=utf-8' });
    if (req.method === 'GET' && serveHostPage(res, url)) return;
    sendJson(res, 404, { error: { message: `Nothing at ${path}` } });
  }

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
