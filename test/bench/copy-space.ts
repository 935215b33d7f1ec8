/**
 * Copy Space of a 2,000-page space on the local host with 100 ms added to
 * every Confluence call: total time, platform calls per page, and how the
 * run used Forge's limits. Labels on; no attachments or blog posts beyond
 * the fixture's, so the figure is about pages.
 */
import { performance } from 'node:perf_hooks';
import { kvs } from '@forge/kvs';
import { createLocalHost } from '../../local/host/create-host';
import { SAM, SPACE } from '../integration/scripts/site';
import { writeTreeSite } from '../integration/scripts/tree-site';
import type { StoredRun } from '../../src/storage/runs/model';
import type { Figures } from './module';

/**
 * `shape`: 'tree' puts the pages in a documentation-like tree (12 children a
 * page), 'flat' puts them all directly under the home page: siblings are
 * created one after the other to keep their order, so that is the slowest case.
 */
export async function benchCopySpace(pages = 2_000, latencyMs = 100, shape: 'tree' | 'flat' = 'tree') {
  // The fixture's tree has 8 pages.
  const extra = pages - 8;
  const directoryFile = writeTreeSite(shape === 'tree' ? { treePages: extra } : { extraPages: extra });
  const host = await createLocalHost({ inMemory: true, port: 0, directoryFile });
  try {
    host.confluence.faults.add({ fault: { kind: 'delay', ms: latencyMs } });
    const started = performance.now();
    const { value } = await host.invoke({
      module: 'space-settings',
      functionKey: 'startScript',
      payload: {
        scriptKey: 'copy-space',
        input: { newSpaceKey: 'BENCHCOPY', newSpaceName: 'Bench copy', copyLabels: true, copyPermissions: true },
      },
      context: { accountId: SAM, spaceKey: SPACE.key },
    });
    const runId = (value as { ok: boolean; data: { runId: string } }).data.runId;
    await host.events.idle();
    const seconds = (performance.now() - started) / 1000;
    const run = (await kvs.get<StoredRun>(`runs:r:${runId}`)) as StoredRun;
    const consumers = host.recentInvocations().filter((r) => r.kind === 'consumer');
    const sum = (kind: 'product' | 'kvs' | 'events') => consumers.reduce((n, r) => n + r.calls.byKind[kind], 0);
    const copied = host.confluence.site.content.store.pagesOf(host.confluence.site.spaceByKey('BENCHCOPY')?.id ?? '');
    return {
      pages,
      latencyMs,
      seconds,
      copiedPages: copied.length,
      product: sum('product') / pages,
      kvs: sum('kvs') / pages,
      events: sum('events') / pages,
      invocations: consumers.length,
      longestInvocationMs: Math.max(...consumers.map((r) => r.durationMs)),
      invocationLimitMs: (host.manifest.functionTimeouts['script-run-fn'] ?? 55) * 1000,
      state: run.state,
    };
  } finally {
    await host.close();
  }
}

/** The figures for `npm run bench` (module `copySpace`). */
export async function copySpaceFigures(): Promise<Figures> {
  const r = await benchCopySpace();
  const note =
    r.state === 'succeeded' && r.copiedPages === r.pages
      ? undefined
      : `the run ended ${r.state}, ${r.copiedPages} pages copied`;
  return {
    seconds: {
      label: `${r.pages.toLocaleString('en-US')} pages (a tree, 12 children a page) copied, start to end`,
      value: r.seconds,
      digits: 1,
      unit: 's',
      ...(note ? { note } : {}),
    },
    callsPerPage: { label: 'platform calls per page', value: r.product + r.kvs + r.events, digits: 2 },
    productCallsPerPage: { label: 'Confluence calls per page', value: r.product, digits: 2 },
    kvsCallsPerPage: { label: 'KVS calls per page', value: r.kvs, digits: 2 },
    invocations: { label: 'consumer invocations', value: r.invocations },
    longestInvocationSeconds: {
      label: `longest invocation (limit ${r.invocationLimitMs / 1000} s)`,
      value: r.longestInvocationMs / 1000,
      digits: 1,
      unit: 's',
    },
  };
}

// `npx tsx test/bench/copy-space.ts` runs this module alone.
if (require.main === module) {
  benchCopySpace(2_000, 100, process.argv.includes('--flat') ? 'flat' : 'tree').then(
    (r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
