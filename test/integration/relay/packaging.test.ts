import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-relay';

// How the relay is handed to a customer: its package, its image, its unit.
// Each is built from relay/dist/relay.mjs and nothing else.
const relayFile = (name: string) => readFileSync(join(ROOT, 'relay', name), 'utf8');

describe('relay/package.json', () => {
  const pkg = JSON.parse(relayFile('package.json')) as Record<string, unknown>;

  it('is a package of its own whose command is the bundle, with no dependencies to install', () => {
    expect(pkg.name).toBe('confluence-permission-relay');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.bin).toEqual({ 'confluence-relay': 'dist/relay.mjs' });
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.files).toContain('dist/relay.mjs');
  });

  it('names the supported Node LTS releases', () => {
    expect(pkg.engines).toEqual({ node: '>=22' });
  });
});

describe('relay/Dockerfile', () => {
  const dockerfile = relayFile('Dockerfile');
  const instructions = dockerfile
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .join('\n');

  it('starts from a small Node LTS base and copies only the bundle', () => {
    expect(instructions).toMatch(/^FROM node:(22|24)-alpine$/m);
    expect(instructions.match(/^(COPY|ADD) .*$/gm)).toEqual([
      'COPY --chown=root:root --chmod=0555 dist/relay.mjs /opt/confluence-relay/relay.mjs',
    ]);
    expect(instructions).not.toMatch(/^RUN /m);
    expect(
      relayFile('.dockerignore')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual(['*', '!dist/relay.mjs']);
  });

  it('runs the relay as a user that is not root', () => {
    expect(instructions).toMatch(/^USER node$/m);
    expect(instructions).toMatch(/^ENTRYPOINT \["node", "\/opt\/confluence-relay\/relay\.mjs"\]$/m);
  });
});

describe('relay/confluence-relay.service', () => {
  const unit = relayFile('confluence-relay.service');

  it('runs the bundle unprivileged, with its secrets from the env file', () => {
    expect(unit).toContain('ExecStart=/usr/bin/node /opt/confluence-relay/relay.mjs');
    expect(unit).toContain('EnvironmentFile=/etc/confluence-relay.env');
    expect(unit).toMatch(/^User=relay$/m);
    expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
    expect(unit).toMatch(/^CapabilityBoundingSet=$/m);
  });
});
