/**
 * Bulk Add or Remove Labels over a space of 10,000 pages, on the local
 * host with 100 ms added to every Confluence call: pages per second, the
 * platform calls per page, and how the run used Forge's limits (consumer
 * invocations, the longest one against its time limit, events pushed).
 */
import { performance } from 'node:perf_hooks';
import { kvs } from '@forge/kvs';
import { createLocalHost } from '../../local/host/create-host';
import { writeSite, SAM, SPACE } from '../integration/scripts/site';
import { bulkLabels } from '../../src/scripts/bulk-labels';
import type { StoredRun } from '../../src/storage/runs/model';
import type { Figures } from './module';

export interface ScriptRunFigures {
  pages: number;
  latencyMs: number;
  concurrency: number;
  seconds: number;
  pagesPerSecond: number;
  callsPerPage: { total: number; product: number; kvs: number; events: number };
  invocations: number;
  longestInvocationMs: number;
  invocationLimitMs: number;
  state: string;
  progress: StoredRun['progress'];
}

export async function benchScriptRun(pages = 10_000, latencyMs = 100): Promise<ScriptRunFigures> {
  const host = await createLocalHost({ inMemory: true, port: 0, directoryFile: writeSite({ extraPages: pages - 5 }) });
  try {
    host.confluence.faults.add({ fault: { kind: 'delay', ms: latencyMs } });
    const started = performance.now();
    const { value } = await host.invoke({
      module: 'space-settings',
      functionKey: 'startScript',
      payload: { scriptKey: 'bulk-labels', input: { target: { type: 'space' }, add: ['benched'] } },
      context: { accountId: SAM, spaceKey: SPACE.key },
    });
    const runId = (value as { ok: boolean; data: { runId: string } }).data.runId;
    await host.events.idle();
    const seconds = (performance.now() - started) / 1000;
    const run = (await kvs.get<StoredRun>(`runs:r:${runId}`)) as StoredRun;
    const consumers = host.recentInvocations().filter((r) => r.kind === 'consumer');
    const sum = (kind: 'product' | 'kvs' | 'events') => consumers.reduce((n, r) => n + r.calls.byKind[kind], 0);
    const per = (n: number) => Number((n / pages).toFixed(2));
    const product = sum('product');
    const kvsCalls = sum('kvs');
    const events = sum('events');
    return {
      pages,
      latencyMs,
      concurrency: bulkLabels.concurrency ?? 0,
      seconds,
      pagesPerSecond: pages / seconds,
      callsPerPage: {
        total: per(product + kvsCalls + events),
        product: per(product),
        kvs: per(kvsCalls),
        events: per(events),
      },
      invocations: consumers.length,
      longestInvocationMs: Math.max(...consumers.map((r) => r.durationMs)),
      invocationLimitMs: (host.manifest.functionTimeouts['script-run-fn'] ?? 55) * 1000,
      state: run.state,
      progress: run.progress,
    };
  } finally {
    await host.close();
  }
}

/** The run's figures for `npm run bench` (module `scriptRun`). */
export async function scriptRunFigures(): Promise<Figures> {
  const r = await benchScriptRun();
  const note = r.state === 'succeeded' ? undefined : `the run ended ${r.state}`;
  return {
    pagesPerSecond: {
      label: `pages per second (concurrency ${r.concurrency}; target at least 40)`,
      value: r.pagesPerSecond,
      digits: 1,
      ...(note ? { note } : {}),
    },
    seconds: {
      label: `${r.pages.toLocaleString('en-US')} pages, start to end`,
      value: r.seconds,
      digits: 1,
      unit: 's',
    },
    callsPerPage: { label: 'platform calls per page', value: r.callsPerPage.total, digits: 2 },
    productCallsPerPage: { label: 'Confluence calls per page', value: r.callsPerPage.product, digits: 2 },
    kvsCallsPerPage: { label: 'KVS calls per page', value: r.callsPerPage.kvs, digits: 2 },
    invocations: { label: 'consumer invocations', value: r.invocations },
    longestInvocationSeconds: {
      label: `longest invocation (limit ${r.invocationLimitMs / 1000} s)`,
      value: r.longestInvocationMs / 1000,
      digits: 1,
      unit: 's',
    },
  };
}
