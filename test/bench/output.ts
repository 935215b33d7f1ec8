/**
 * How the bench's figures are printed: a Markdown table per module, or one
 * JSON object for all of them (`--json`).
 */
import { cpus, loadavg, platform, release } from 'node:os';
import { Figure, Figures } from './module';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  loadAverage1m: number;
  node: string;
  os: string;
}

/** One module's figures, as measured. */
export interface ModuleResult {
  key: string;
  title: string;
  figures: Figures;
}

export function thisMachine(): Machine {
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

export function machineLine(machine: Machine): string {
  return `# npm run bench, ${machine.date}: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverage1m}, Node ${machine.node}`;
}

export function formatValue(figure: Figure): string {
  if (figure.value === null) return `n/a (${figure.note ?? 'not measured'})`;
  const digits = figure.digits ?? 0;
  const number = figure.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return figure.unit ? `${number} ${figure.unit}` : number;
}

/** A module's Markdown table: a grid when every figure names its cell, else one row per figure. */
export function table({ title, figures }: ModuleResult): string {
  const all = Object.values(figures);
  const lines = [`## ${title}`, ''];
  const cells = all.flatMap((f) => (f.cell ? [{ ...f.cell, figure: f }] : []));
  if (all.length > 0 && cells.length === all.length) {
    const columns = [...new Set(cells.map((c) => c.column))];
    lines.push(`| | ${columns.join(' | ')} |`, `|${'---|'.repeat(columns.length + 1)}`);
    for (const row of new Set(cells.map((c) => c.row))) {
      const value = (column: string) => {
        const found = cells.find((c) => c.row === row && c.column === column);
        return found ? formatValue(found.figure) : '';
      };
      lines.push(`| ${row} | ${columns.map(value).join(' | ')} |`);
    }
  } else {
    lines.push('| figure | value |', '|---|---|');
    for (const figure of all) lines.push(`| ${figure.label} | ${formatValue(figure)} |`);
  }
  return lines.join('\n');
}

/**
 * `{ machine, <module>: { <figure>: value }, notes: { "<module>.<figure>": note } }`;
 * a dotted figure key nests (`getMyScripts.kvs` -> `{ getMyScripts: { kvs } }`).
 */
export function toJson(machine: Machine, results: readonly ModuleResult[]): Record<string, unknown> {
  const out: Record<string, unknown> = { machine };
  const notes: Record<string, string> = {};
  for (const { key: moduleKey, figures } of results) {
    for (const [key, figure] of Object.entries(figures)) {
      setPath(out, [moduleKey, ...key.split('.')], figure.value);
      if (figure.note) notes[`${moduleKey}.${key}`] = figure.note;
    }
  }
  out.notes = notes;
  return out;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}
