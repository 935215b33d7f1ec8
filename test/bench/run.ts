/**
 * `npm run bench`: prints the figures the README quotes, one table per
 * module; `npm run bench -- --json` prints the same figures as one JSON
 * object (`engine.decisionsPerSecond`, ...) and nothing else on stdout.
 * Nothing here is a pass/fail test; timings depend on the machine, call
 * counts do not.
 */
import { cpus, loadavg, platform, release } from 'node:os';
import { bundleFigures } from './bundle-size';
import { benchEngine } from './engine';
import { BenchModule, Figure, Figures } from './module';
import { platformCallFigures } from './platform-calls';
import { relayFigures } from './relay';

/** Every bench module, in the order printed. Adding one is one line. */
const MODULES: BenchModule[] = [
  { key: 'engine', title: 'Rule engine: RuleIndex against CASL (pure, in process)', run: benchEngine },
  { key: 'platformCalls', title: 'Platform calls per resolver call (local host, real SDKs)', run: platformCallFigures },
  { key: 'relay', title: 'Relay', run: relayFigures },
  {
    key: 'bundles',
    title: 'Custom UI bundles (what each page loads; run `npm run build:ui` first)',
    run: bundleFigures,
  },
];

function machine() {
  const cores = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

function formatValue(figure: Figure): string {
  if (figure.value === null) return `n/a (${figure.note ?? 'not measured'})`;
  const digits = figure.digits ?? 0;
  const number = figure.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return figure.unit ? `${number} ${figure.unit}` : number;
}

function printTable(module: BenchModule, figures: Figures): void {
  console.log(`\n## ${module.title}\n`);
  const all = Object.values(figures);
  const cells = all.flatMap((f) => (f.cell ? [{ ...f.cell, figure: f }] : []));
  if (all.length > 0 && cells.length === all.length) {
    const columns = [...new Set(cells.map((c) => c.column))];
    console.log(`| | ${columns.join(' | ')} |`);
    console.log(`|${'---|'.repeat(columns.length + 1)}`);
    for (const row of new Set(cells.map((c) => c.row))) {
      const value = (column: string) => {
        const found = cells.find((c) => c.row === row && c.column === column);
        return found ? formatValue(found.figure) : '';
      };
      console.log(`| ${row} | ${columns.map(value).join(' | ')} |`);
    }
    return;
  }
  console.log('| figure | value |');
  console.log('|---|---|');
  for (const figure of all) console.log(`| ${figure.label} | ${formatValue(figure)} |`);
}

/** `a.b` keys nest: `{ a: { b: value } }`. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const info = machine();
  if (json) {
    // stdout carries the JSON object only: whatever a module logs goes to stderr.
    console.log = console.error;
    console.info = console.error;
  } else {
    console.log(
      `# npm run bench, ${info.date}: ${info.cpu}, ${info.cores} cores, load ${info.loadAverage1m}, Node ${info.node}`,
    );
  }
  const out: Record<string, unknown> = { machine: info };
  const notes: Record<string, string> = {};
  for (const module of MODULES) {
    const figures = await module.run();
    if (!json) printTable(module, figures);
    for (const [key, figure] of Object.entries(figures)) {
      setPath(out, [module.key, ...key.split('.')], figure.value);
      if (figure.note) notes[`${module.key}.${key}`] = figure.note;
    }
  }
  out.notes = notes;
  if (json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
