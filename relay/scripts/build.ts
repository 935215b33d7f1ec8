/**
 * Builds the relay into one file, relay/dist/relay.mjs, that a plain Node LTS
 * runs with nothing installed: every import (zod, the shared protocol) is
 * inlined; only Node's own modules stay external. `npm run build:relay`.
 */
import { build, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

export const RELAY_ROOT = join(__dirname, '..');
export const DEFAULT_OUTFILE = join(RELAY_ROOT, 'dist', 'relay.mjs');

export interface RelayBuild {
  outfile: string;
  bytes: number;
  /** What `sha256sum relay.mjs` prints, for whoever installs the copy. */
  sha256: string;
  /** Every source file inlined, relative to the repository root. */
  inputs: string[];
  /** Every import left for Node to resolve at run time. */
  externalImports: string[];
}

export async function buildRelay(outfile: string = DEFAULT_OUTFILE): Promise<RelayBuild> {
  const result = await build({
    entryPoints: [join(RELAY_ROOT, 'src', 'main.ts')],
    absWorkingDir: join(RELAY_ROOT, '..'),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The oldest Node the relay is still run on (this build machine's 20);
    // the supported ones are 22 and 24 (package.json engines).
    target: 'node20',
    // Not minified: an admin may read what runs next to their API token.
    minify: false,
    legalComments: 'eof',
    external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return describe(result.metafile, outfile);
}

function describe(metafile: Metafile, outfile: string): RelayBuild {
  const [output] = Object.values(metafile.outputs);
  if (!output) throw new Error('esbuild wrote no output');
  return {
    outfile,
    bytes: output.bytes,
    sha256: createHash('sha256').update(readFileSync(outfile)).digest('hex'),
    inputs: Object.keys(metafile.inputs).sort(),
    externalImports: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
  };
}

if (require.main === module) {
  buildRelay().then(
    (built) =>
      process.stdout.write(
        `relay: wrote ${built.outfile} (${(built.bytes / 1024).toFixed(1)} KiB, ${built.inputs.length} sources inlined)\n` +
          `relay: sha256 ${built.sha256}\n`,
      ),
    (error: unknown) => {
      process.stderr.write(`relay: build failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
