/**
 * The relay's configuration, from flags or environment variables (flags
 * win). The API token and the link secret come from the environment or from
 * files, never from flags, which other users of the host can see in `ps`.
 */
import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A full lease: one lease and one report per 25 changes (the app's storage calls per change fall with it). */
export const DEFAULT_BATCH = 25;
/** Chosen from `npm run bench` (README, Performance): see docs/relay-protocol.md "Throughput". */
export const DEFAULT_CONCURRENCY = 8;

export interface RelayConfig {
  siteUrl: string;
  email: string;
  apiToken: string;
  triggerUrl: string;
  linkSecret: string;
  once: boolean;
  dryRun: boolean;
  batch: number;
  concurrency: number;
  leaseSeconds: number;
  minPollSeconds: number;
  maxPollSeconds: number;
  maxAttempts: number;
  instance: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export const USAGE = `Usage: confluence-relay [options]
   or: node relay.mjs [options]          (the single-file download)
   or: npm run relay -- [options]        (in the app's repository)

Required (flag or environment variable):
  --site-url URL          CONFLUENCE_SITE_URL      e.g. https://your-site.atlassian.net
  --email EMAIL           CONFLUENCE_EMAIL         the service account's email
  (token)                 CONFLUENCE_API_TOKEN     or --token-file FILE / CONFLUENCE_API_TOKEN_FILE
  --trigger-url URL       RELAY_TRIGGER_URL        the web trigger URL from the app's admin page
  (secret)                RELAY_LINK_SECRET        or --secret-file FILE / RELAY_LINK_SECRET_FILE

Options:
  --once                  apply everything queued, then exit (for cron)
  --dry-run               show what would change; lease and change nothing
  --batch N               items per lease (1-25, default 25)
  --concurrency N         Confluence changes at once (1-32, default 8; halved on a 429)
  --lease-seconds N       how long a lease lasts (5-600, default 120)
  --poll-seconds MIN:MAX  idle polling backs off from MIN to MAX (default 2:60)
  --max-attempts N        tries per HTTP call on 429/5xx/network errors (default 8)
  --instance NAME         name shown on the admin page (default host-pid)
  --log-level LEVEL       debug | info | warn | error (default info)
  --help
`;

const FLAGS_WITH_VALUE = new Set([
  'site-url',
  'email',
  'token-file',
  'trigger-url',
  'secret-file',
  'batch',
  'concurrency',
  'lease-seconds',
  'poll-seconds',
  'max-attempts',
  'instance',
  'log-level',
]);
const BOOLEAN_FLAGS = new Set(['once', 'dry-run', 'help']);

export function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--'))
      throw new ConfigError(`Unexpected argument "${arg}". Options start with --; see --help.`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === 'token' || name === 'api-token' || name === 'secret') {
      throw new ConfigError(
        `--${name} is not accepted: secrets on the command line are visible to other users. Use the environment variable or a file (see --help).`,
      );
    }
    if (BOOLEAN_FLAGS.has(name)) out.set(name, true);
    else if (FLAGS_WITH_VALUE.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ConfigError(`--${name} needs a value.`);
      out.set(name, value);
    } else throw new ConfigError(`Unknown option --${name}; see --help.`);
  }
  return out;
}

function readSecretFile(file: string, what: string): string {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(
      `Cannot read the ${what} file ${file}: ${(error as Error).message}. Check the path and that this user may read it.`,
    );
  }
  if (!text) throw new ConfigError(`The ${what} file ${file} is empty.`);
  return text;
}

const isLoopback = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

function httpsUrl(raw: string | undefined, what: string, fix: string): URL {
  if (!raw) throw new ConfigError(`${what} is missing: ${fix}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${what} "${raw}" is not a URL: ${fix}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new ConfigError(`${what} must use https:// (plain http is accepted only for 127.0.0.1/localhost): ${raw}`);
  }
  return url;
}

function intIn(raw: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): RelayConfig {
  const flags = parseArgs(argv);
  const flag = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const site = httpsUrl(
    flag('site-url') ?? env.CONFLUENCE_SITE_URL,
    'The Confluence site URL',
    'set --site-url or CONFLUENCE_SITE_URL, e.g. https://your-site.atlassian.net',
  );
  const siteUrl = `${site.origin}${site.pathname.replace(/\/+$/, '').replace(/\/wiki$/, '')}`;
  const email = flag('email') ?? env.CONFLUENCE_EMAIL;
  if (!email) throw new ConfigError('The service account email is missing: set --email or CONFLUENCE_EMAIL.');
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new ConfigError(`"${email}" is not an email address: set --email to the service account's email.`);

  const tokenFile = flag('token-file') ?? env.CONFLUENCE_API_TOKEN_FILE;
  const apiToken = tokenFile ? readSecretFile(tokenFile, 'API token') : env.CONFLUENCE_API_TOKEN?.trim();
  if (!apiToken)
    throw new ConfigError(
      'The API token is missing: set CONFLUENCE_API_TOKEN, or --token-file / CONFLUENCE_API_TOKEN_FILE naming a file that holds it.',
    );

  const triggerUrl = httpsUrl(
    flag('trigger-url') ?? env.RELAY_TRIGGER_URL,
    'The web trigger URL',
    "set --trigger-url or RELAY_TRIGGER_URL to the URL on the app's admin page (Space permissions > Relay link)",
  ).toString();

  const secretFile = flag('secret-file') ?? env.RELAY_LINK_SECRET_FILE;
  const linkSecret = secretFile ? readSecretFile(secretFile, 'link secret') : env.RELAY_LINK_SECRET?.trim();
  if (!linkSecret)
    throw new ConfigError(
      "The link secret is missing: set RELAY_LINK_SECRET, or --secret-file / RELAY_LINK_SECRET_FILE. Generate one on the app's admin page.",
    );
  if (!/^[A-Za-z0-9_-]{43}$/.test(linkSecret))
    throw new ConfigError(
      'The link secret is not in the shape the admin page gives (43 letters, digits, - and _): copy it again.',
    );

  const [minPoll, maxPoll] = (flag('poll-seconds') ?? '2:60').split(':');
  const minPollSeconds = intIn(minPoll, 2, 1, 3600, 'poll-seconds');
  const maxPollSeconds = intIn(maxPoll ?? minPoll, 60, minPollSeconds, 3600, 'poll-seconds');
  const logLevel = flag('log-level') ?? env.RELAY_LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    throw new ConfigError(`--log-level must be debug, info, warn or error, not "${logLevel}".`);

  return {
    siteUrl,
    email,
    apiToken,
    triggerUrl,
    linkSecret,
    once: flags.get('once') === true,
    dryRun: flags.get('dry-run') === true,
    batch: intIn(flag('batch'), DEFAULT_BATCH, 1, 25, 'batch'),
    concurrency: intIn(flag('concurrency') ?? env.RELAY_CONCURRENCY, DEFAULT_CONCURRENCY, 1, 32, 'concurrency'),
    leaseSeconds: intIn(flag('lease-seconds'), 120, 5, 600, 'lease-seconds'),
    minPollSeconds,
    maxPollSeconds,
    maxAttempts: intIn(flag('max-attempts'), 8, 1, 20, 'max-attempts'),
    instance: flag('instance') ?? env.RELAY_INSTANCE ?? `${hostname()}-${process.pid}`,
    logLevel: logLevel as RelayConfig['logLevel'],
  };
}

/** The configuration as it may be logged: no token, no secret. */
export function describeConfig(config: RelayConfig): Record<string, unknown> {
  const { apiToken: _token, linkSecret: _secret, ...rest } = config;
  return { ...rest, apiToken: '[set]', linkSecret: '[set]' };
}
