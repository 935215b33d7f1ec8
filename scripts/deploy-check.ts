/**
 * `npm run deploy:check` (after `npm run build:ui`): what `forge deploy`
 * needs, checked offline, so a deploy does not fail half-way.
 *   - the manifest passes @forge/manifest's full validation, the same
 *     validator `forge lint` and `forge deploy` run;
 *   - each Custom UI resource folder is built (holds index.html): Forge
 *     uploads the folder as it is and does not build it;
 *   - each function handler `file.export` names a function src/<file>.ts
 *     exports;
 *   - the runtime is one of the Node LTS runtimes Forge offers that this
 *     project supports.
 * It warns (and still passes) while the app id is the repository's
 * placeholder: `forge register` replaces it with the team's own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import { readManifest } from '../local/host/manifest';

export const PLACEHOLDER_APP_ID = 'ari:cloud:ecosystem::app/5b1f3c9e-7a2d-4e61-9c0b-2f4d8a6e1c37';
/** Forge's runtime names for the Node versions this project supports (README "Decisions"). */
export const SUPPORTED_RUNTIMES: readonly string[] = ['nodejs22.x', 'nodejs24.x'];

export interface DeployCheck {
  errors: string[];
  warnings: string[];
}

export async function checkDeployable(root: string): Promise<DeployCheck> {
  const errors: string[] = [];
  const warnings: string[] = [];

  // The validator resolves handler and resource paths from the working directory.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await validate(false, 'manifest.yml');
    for (const issue of result.errors ?? []) {
      const where = issue.line ? ` (manifest.yml line ${issue.line})` : '';
      (issue.level === 'warning' ? warnings : errors).push(`${issue.message}${where}`);
    }
    if (!result.success && !(result.errors ?? []).some((e) => e.level !== 'warning'))
      errors.push('The Forge manifest validator refused manifest.yml.');
  } finally {
    process.chdir(cwd);
  }

  const manifest = readManifest(root);
  for (const [key, path] of Object.entries(manifest.resources)) {
    if (!existsSync(join(root, path, 'index.html')))
      errors.push(`Resource ${key}: ${path}/index.html is missing. Run \`npm run build:ui\` first.`);
  }

  for (const [key, handler] of Object.entries(manifest.functions)) {
    const [file, exported] = handler.split('.');
    const source = join(root, 'src', `${file}.ts`);
    if (!file || !exported || !existsSync(source)) {
      errors.push(`Function ${key}: handler ${handler} names no file src/${file}.ts.`);
      continue;
    }
    const module = (await import(source)) as Record<string, unknown>;
    if (typeof module[exported] !== 'function')
      errors.push(`Function ${key}: src/${file}.ts exports no function ${exported}.`);
  }

  const raw = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { app?: { runtime?: { name?: string } } };
  const runtime = raw.app?.runtime?.name ?? '(none)';
  if (!SUPPORTED_RUNTIMES.includes(runtime))
    errors.push(`app.runtime.name is ${runtime}; use one of ${SUPPORTED_RUNTIMES.join(', ')}.`);

  if (manifest.appId === PLACEHOLDER_APP_ID)
    warnings.push(
      "app.id is this repository's placeholder: run `forge register` once (README, Deploy to your site) before `forge deploy`.",
    );
  return { errors, warnings };
}

if (require.main === module) {
  checkDeployable(join(__dirname, '..')).then(
    ({ errors, warnings }) => {
      for (const w of warnings) process.stdout.write(`deploy:check: warning: ${w}\n`);
      for (const e of errors) process.stderr.write(`deploy:check: error: ${e}\n`);
      process.stdout.write(
        errors.length
          ? `deploy:check: ${errors.length} error(s); fix them before \`forge deploy\`.\n`
          : 'deploy:check: ready for `forge lint` and `forge deploy`.\n',
      );
      process.exit(errors.length ? 1 : 0);
    },
    (error: unknown) => {
      process.stderr.write(`deploy:check: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
