import type { LocalHost } from '../../../local/host/create-host';
import type { ScriptPreview, ScriptRun } from '../../../src/contract/scripts';
import { dataOf, Envelope, invoke, InvokeAnswer, startHost } from '../../support/local-host';
import { SPACE, writeSite, SiteOptions } from './site';

export async function scriptHost(options: SiteOptions & { consumerLimitMs?: number } = {}): Promise<LocalHost> {
  return startHost({
    directoryFile: writeSite(options),
    eventDelayScale: 0,
    ...(options.consumerLimitMs ? { timeLimitsMs: { consumer: options.consumerLimitMs } } : {}),
  });
}

export function call<T>(
  host: LocalHost,
  accountId: string,
  functionKey: string,
  payload: unknown,
  spaceKey = SPACE.key,
): Promise<InvokeAnswer<Envelope<T>>> {
  return invoke<Envelope<T>>(host, 'space-settings', functionKey, payload, { accountId, spaceKey });
}

export async function preview(host: LocalHost, accountId: string, scriptKey: string, input: unknown) {
  return dataOf(await call<ScriptPreview>(host, accountId, 'previewScript', { scriptKey, input }));
}

export async function start(
  host: LocalHost,
  accountId: string,
  scriptKey: string,
  input: unknown,
  confirmed?: boolean,
): Promise<string> {
  const payload = confirmed === undefined ? { scriptKey, input } : { scriptKey, input, confirmed };
  return dataOf(await call<{ runId: string }>(host, accountId, 'startScript', payload)).runId;
}

export async function run(host: LocalHost, accountId: string, runId: string): Promise<ScriptRun> {
  return dataOf(await call<ScriptRun>(host, accountId, 'getScriptRun', { runId }));
}

/** Starts a run and waits (without sleeping) until no event is left: the run has ended. */
export async function runToEnd(
  host: LocalHost,
  accountId: string,
  scriptKey: string,
  input: unknown,
  confirmed?: boolean,
): Promise<ScriptRun> {
  const runId = await start(host, accountId, scriptKey, input, confirmed);
  await host.events.idle();
  return run(host, accountId, runId);
}

/** A page's labels as Confluence has them now (asked as the app). */
export function labelsOf(host: LocalHost, pageId: string): string[] {
  return host.confluence.site.content.store.container(pageId)?.labels ?? [];
}

/** How many times the consumers called a Confluence endpoint (method and path without the query). */
export function callsTo(host: LocalHost, label: string): number {
  return host
    .recentInvocations()
    .filter((r) => r.kind === 'consumer')
    .reduce((n, r) => n + r.calls.calls.filter((c) => c.label === label).length, 0);
}
