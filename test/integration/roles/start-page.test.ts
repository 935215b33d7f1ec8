import type { LocalHost } from '../../../local/host/create-host';
import { startHost } from '../../support/local-host';
import { fixture } from './support';

describe("the start page's fixture switch", () => {
  let host: LocalHost;
  afterEach(() => host.close());

  it.each([
    ['demo-roles', 'ROLES'],
    ['demo-transition', 'ROLES_TRANSITION'],
  ] as const)('names the running fixture (%s, %s) and how to start each other one', async (name, mode) => {
    host = await startHost({ directoryFile: fixture(name) });
    const html = await (await fetch(`${host.url}/`)).text();
    expect(html).toContain(`<code data-testid="role-mode">${mode}</code>`);
    expect(html).toContain(`Running <code>local/fixtures/${name}.json</code>`);
    const others = ['demo', 'demo-transition', 'demo-roles'].filter((n) => n !== name);
    for (const other of others) expect(html).toContain(`LOCAL_DIRECTORY=local/fixtures/${other}.json npm start`);
    expect(html).not.toContain(`LOCAL_DIRECTORY=local/fixtures/${name}.json npm start`);
  });
});
