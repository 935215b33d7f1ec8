/**
 * Which folder may import which (docs/architecture.md, "Layers"). Parses
 * every import and require of the project's TypeScript and fails on an
 * import the table does not allow, naming the file, the line and the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');

interface Layer {
  /** Folder (or file) relative to the project root, with forward slashes. */
  path: string;
  /** Project folders it may import from (besides itself). */
  mayImport: string[];
  /** Packages it may import: exact names or scopes ending in `/`; node builtins are `node:`. */
  packages: string[] | 'any';
}

/** Longest matching path wins, so a sub-folder can be stricter than its parent. */
const LAYERS: Layer[] = [
  { path: 'src/contract', mayImport: ['src/rules'], packages: ['zod', 'node:crypto'] },
  { path: 'src/rules', mayImport: [], packages: ['zod'] },
  { path: 'src/clock.ts', mayImport: [], packages: [] },
  { path: 'src/permission-changes', mayImport: ['src/contract'], packages: [] },
  { path: 'src/confluence', mayImport: ['src/contract', 'src/rules'], packages: ['@forge/api', 'zod'] },
  {
    path: 'src/storage',
    mayImport: ['src/contract', 'src/rules', 'src/clock.ts'],
    packages: ['@forge/kvs', 'zod', 'node:crypto'],
  },
  {
    path: 'src/scripts',
    mayImport: [
      'src/contract',
      'src/rules',
      'src/confluence',
      'src/storage',
      'src/clock.ts',
      'src/resolvers/access',
      'src/permission-changes',
    ],
    packages: ['@forge/api', '@forge/events', '@forge/kvs', 'zod', 'picomatch', 'node:crypto'],
  },
  {
    path: 'src/webtrigger',
    mayImport: ['src/contract', 'src/storage', 'src/clock.ts', 'src/confluence', 'src/permission-changes'],
    packages: ['@forge/api', '@forge/kvs', 'zod', 'node:crypto'],
  },
  {
    path: 'src/resolvers',
    mayImport: [
      'src/contract',
      'src/rules',
      'src/confluence',
      'src/storage',
      'src/scripts',
      'src/permission-changes',
      'src/clock.ts',
    ],
    // Storage owns its queries: resolvers never reach into KVS themselves.
    packages: ['@forge/api', '@forge/resolver', '@forge/events', 'zod', 'node:crypto'],
  },
  { path: 'src/index.ts', mayImport: ['src/resolvers', 'src/webtrigger', 'src/scripts'], packages: [] },
  // The pages run in the browser: only the contract and the pure rule modules, never server code.
  { path: 'static', mayImport: ['src/contract', 'src/rules'], packages: 'any' },
  // The relay is the customer's program: it shares the protocol and nothing else of the app.
  { path: 'relay', mayImport: ['src/contract'], packages: ['zod', 'node:'] },
  // Its build runs only in the app's repository; the bundle is made from relay/src alone.
  { path: 'relay/scripts', mayImport: [], packages: ['esbuild', 'node:'] },
  // Command-line tools for developers (deploy:check), never part of what runs on Forge.
  { path: 'scripts', mayImport: ['local'], packages: 'any' },
  // The local host emulates the platform under the SDKs: it never reaches into the app.
  { path: 'local', mayImport: [], packages: 'any' },
  { path: 'test', mayImport: ['src', 'local', 'relay', 'static', 'scripts'], packages: 'any' },
];

const SOURCE = /\.(ts|tsx|mts)$/;
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-artifacts', '.local-data', 'coverage']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const posix = (path: string): string => path.split(sep).join('/');
const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}/`);

function layerOf(path: string): Layer | undefined {
  return LAYERS.filter((l) => within(path, l.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** Import specifiers with their line numbers (static, type-only, side-effect, dynamic, require), as TypeScript reads them. */
export function importsOf(text: string): { spec: string; line: number }[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((f) => ({ spec: f.fileName, line: text.slice(0, f.pos).split('\n').length }));
}

function packageAllowed(spec: string, allowed: Layer['packages']): boolean {
  if (allowed === 'any') return true;
  return allowed.some((p) =>
    p.endsWith('/') || p === 'node:' ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`),
  );
}

function violations(): string[] {
  const problems: string[] = [];
  for (const file of ['src', 'static', 'relay', 'local', 'test', 'scripts'].flatMap((d) =>
    sourceFiles(join(ROOT, d)),
  )) {
    const from = posix(relative(ROOT, file));
    const layer = layerOf(from);
    if (!layer) {
      problems.push(`${from}: no layer in the table covers this file`);
      continue;
    }
    for (const { spec, line } of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = posix(relative(ROOT, resolve(dirname(file), spec)));
        const targetLayer = layerOf(target) ?? layerOf(`${target}.ts`);
        const own = targetLayer === layer || within(target, layer.path);
        const allowed = own || layer.mayImport.some((m) => within(target, m) || within(`${target}.ts`, m));
        if (!allowed) problems.push(`${from}:${line} imports ${target}, which ${layer.path} may not import`);
      } else if (!packageAllowed(spec, layer.packages)) {
        problems.push(`${from}:${line} imports the package ${spec}, which ${layer.path} may not use`);
      }
    }
  }
  return problems;
}

describe('architecture: who may import what', () => {
  it('every import follows the layer table of docs/architecture.md', () => {
    expect(violations()).toEqual([]);
  });

  it('finds static, type-only, side-effect, dynamic and require imports', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "export { c } from './c';",
      "import './d.css';",
      "const e = await import('./e');",
      "const f = require('f');",
    ].join('\n');
    expect(importsOf(text).map((i) => i.spec)).toEqual(['./a', '../b', './c', './d.css', './e', 'f']);
  });

  it('knows a page may not import server code', () => {
    const layer = layerOf('static/admin-page/src/x.ts');
    expect(layer?.mayImport).not.toContain('src/storage');
    expect(layerOf('src/rules/evaluate.ts')?.packages).toEqual(['zod']);
  });
});
