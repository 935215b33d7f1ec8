/**
 * The relay CLI as a function of its arguments and environment, so tests and
 * the process entry point (main.ts) share it (see relay/README.md and
 * docs/external-setup.md). Exit codes: 0 done, 1 app unreachable with
 * --once, 2 bad configuration, 3 Confluence refused the account, 4 the app
 * refused the relay.
 */
import { AppClient } from './app-client';
import { ConfigError, describeConfig, loadConfig, USAGE } from './config';
import { ConfluenceClient, FatalConfluenceError } from './confluence';
import { createLogger } from './log';
import { refusalToStop, Relay, StopRelay } from './relay';
import { realSleep, RetryPolicy } from './retry';
import { RELAY_VERSION } from './version';

const interruptibleSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((done) => {
    if (signal.aborted) return done();
    const timer = setTimeout(done, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`relay: configuration error: ${error.message}\n(run with --help for every option)\n`);
      return 2;
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, secrets: [config.apiToken, config.linkSecret] });
  let lastError: string | undefined;
  const retry = (): RetryPolicy => ({
    maxAttempts: config.maxAttempts,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    sleep: realSleep,
    random: Math.random,
    now: Date.now,
    onRetry: (info) => log.warn('retrying', info),
  });
  const app = new AppClient({
    url: config.triggerUrl,
    secret: config.linkSecret,
    relay: () => ({
      version: RELAY_VERSION,
      instance: config.instance,
      ...(lastError ? { lastError: lastError.slice(0, 500) } : {}),
    }),
    retry: retry(),
  });
  // A 429 from Confluence halves the relay's concurrency (`relay` is built below, before any call is made).
  const confluenceRetry = retry();
  const confluence = new ConfluenceClient({
    siteUrl: config.siteUrl,
    email: config.email,
    apiToken: config.apiToken,
    retry: {
      ...confluenceRetry,
      onRetry: (info) => {
        confluenceRetry.onRetry?.(info);
        if (info.status === 429) relay.throttled(info.delayMs);
      },
    },
  });
  const relay = new Relay({
    app,
    confluence,
    log,
    batch: config.batch,
    concurrency: config.concurrency,
    leaseSeconds: config.leaseSeconds,
    minPollMs: config.minPollSeconds * 1000,
    maxPollMs: config.maxPollSeconds * 1000,
    sleep: interruptibleSleep,
    now: Date.now,
    setLastError: (message) => (lastError = message),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info('stopping after the item in flight', { signal });
      relay.stop();
    });
  }
  log.info('relay starting', { version: RELAY_VERSION, config: describeConfig(config) });
  try {
    const me = await confluence.whoAmI();
    log.info('Confluence accepted the account', { accountId: me.accountId, displayName: me.displayName });
    await app.status();
    log.info('linked to the app');
    if (config.dryRun) {
      await relay.dryRun(100);
      return 0;
    }
    await relay.run({ once: config.once });
    return 0;
  } catch (caught) {
    const error = refusalToStop(caught);
    if (error instanceof FatalConfluenceError || error instanceof StopRelay) {
      const code = error instanceof StopRelay ? error.exitCode : 3;
      lastError = error.message;
      // Tell the admin page why the relay stopped (when the app can still be reached).
      if (code === 3) await app.status().catch(() => undefined);
      log.error('relay stopped', { reason: error.message, exitCode: code });
      process.stderr.write(`relay: ${error.message}\n`);
      return code;
    }
    log.error('relay crashed', { reason: (error as Error).message });
    process.stderr.write(`relay: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}
