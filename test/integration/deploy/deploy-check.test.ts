import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDeployable } from '../../../scripts/deploy-check';

const ROOT = join(__dirname, '..', '..', '..');

// `npm test` builds the pages before jest, as `npm run deploy:check` does.
it('passes on this repository, warning only about the placeholder app id', async () => {
  const { errors, warnings } = await checkDeployable(ROOT);
  expect(errors).toEqual([]);
  expect(warnings).toEqual([expect.stringContaining('forge register')]);
});

it('fails on a handler nobody exports, an unbuilt page and an unsupported runtime', async () => {
  const root = mkdtempSync(join(tmpdir(), 'deploy-check-'));
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  const manifest = readFileSync(join(ROOT, 'manifest.yml'), 'utf8')
    .replace('handler: index.relayTrigger', 'handler: index.noSuchHandler')
    .replace('path: static/space-settings/dist', 'path: static/not-built/dist')
    .replace('name: nodejs22.x', 'name: nodejs20.x');
  writeFileSync(join(root, 'manifest.yml'), manifest);
  const { errors } = await checkDeployable(root);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringContaining('static/not-built/dist/index.html is missing'),
      'Function relay-trigger-fn: src/index.ts exports no function noSuchHandler.',
      'app.runtime.name is nodejs20.x; use one of nodejs22.x, nodejs24.x.',
    ]),
  );
});
