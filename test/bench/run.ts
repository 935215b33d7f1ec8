/**
 * `npm run bench`: prints the figures the README quotes, one table per
 * module; `npm run bench -- --json` prints the same figures as one JSON
 * object (`engine.decisionsPerSecond`, ...) and nothing else on stdout.
 * Nothing here is a pass/fail test; timings depend on the machine, call
 * counts do not.
 */
import { bundleFigures } from './bundle-size';
import { contentListingFigures } from './content-listing';
import { benchEngine } from './engine';
import { BenchModule } from './module';
import { machineLine, ModuleResult, table, thisMachine, toJson } from './output';
import { platformCallFigures } from './platform-calls';
import { relayFigures } from './relay';
import { scriptRunFigures } from './script-runs';
import { copySpaceFigures } from './copy-space';

/** Every bench module, in the order printed. Adding one is one line. */
const MODULES: BenchModule[] = [
  { key: 'engine', title: 'Rule engine: RuleIndex against CASL (pure, in process)', run: benchEngine },
  { key: 'platformCalls', title: 'Platform calls per resolver call (local host, real SDKs)', run: platformCallFigures },
  { key: 'relay', title: 'Relay', run: relayFigures },
  {
    key: 'scriptRun',
    title: 'Script run: Bulk labels, 10,000 pages, +100 ms a Confluence call',
    run: scriptRunFigures,
  },
  { key: 'copySpace', title: 'Copy Space: 2,000 pages, +100 ms a Confluence call', run: copySpaceFigures },
  {
    key: 'content',
    title: 'Emulated Confluence content: a 10,000-page space (median ms per request)',
    run: contentListingFigures,
  },
  {
    key: 'bundles',
    title: 'Custom UI bundles (gzip, what each page loads; `npm run build:ui` first)',
    run: bundleFigures,
  },
];

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const machine = thisMachine();
  // With --json, stdout carries the JSON object only: whatever a module logs goes to stderr.
  const print = json ? console.error : console.log;
  if (json) console.log = console.info = console.error;
  print(machineLine(machine));
  const results: ModuleResult[] = [];
  for (const module of MODULES) {
    const result = { key: module.key, title: module.title, figures: await module.run() };
    results.push(result);
    print(`\n${table(result)}`);
  }
  if (json) process.stdout.write(`${JSON.stringify(toJson(machine, results), null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
