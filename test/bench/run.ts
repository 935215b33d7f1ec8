/**
 * `npm run bench`: prints the figures the README quotes. Nothing here is a
 * pass/fail test; timings depend on the machine, call counts do not.
 */
import { benchEvaluator } from './evaluator';
import { benchContentListing } from './content-listing';
import { benchPlatformCalls } from './platform-calls';

async function main(): Promise<void> {
  console.log('## Rule evaluator (pure, in process)');
  const e = benchEvaluator();
  console.log(`table: ${e.rows} rows x ${e.scripts} scripts`);
  console.log(`index build (median of 20): ${e.indexBuildMs.toFixed(1)} ms`);
  console.log(`decisions per second (user in 20 groups): ${e.decisionsPerSecond.toLocaleString('en-US')}`);
  console.log(`explain (all 40 scripts) per second: ${e.explainsPerSecond.toLocaleString('en-US')}`);

  console.log('\n## Platform calls per resolver call (local host, real SDKs)');
  console.log('| call | platform calls | KVS | product API | sequential round trips | local ms |');
  console.log('|---|---|---|---|---|---|');
  for (const f of await benchPlatformCalls()) {
    console.log(
      `| ${f.what} | ${f.calls.total} | ${f.calls.kvs} | ${f.calls.product} | ${f.calls.sequentialDepth} | ${f.ms.toFixed(0)} |`,
    );
  }

  console.log('\n## Emulated Confluence content: a 10,000-page space (median ms per request)');
  for (const f of await benchContentListing()) console.log(`${f.what}: ${f.ms.toFixed(2)} ms`);

  try {
    // Computed path: the module is built alongside the admin page; the bench runs without it.
    const bundleModule = './bundle-size';
    const { bundleSizes } = (await import(bundleModule)) as {
      bundleSizes: () => Promise<{ page: string; jsGzipBytes: number; cssGzipBytes: number }[]>;
    };
    console.log('\n## Custom UI bundles (gzip, what each page loads; run `npm run build:ui` first)');
    for (const b of await bundleSizes()) {
      console.log(
        `${b.page}: JS ${(b.jsGzipBytes / 1024).toFixed(1)} KiB, CSS ${(b.cssGzipBytes / 1024).toFixed(1)} KiB`,
      );
    }
  } catch (error) {
    console.log(`\n(bundle sizes unavailable: ${(error as Error).message})`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
