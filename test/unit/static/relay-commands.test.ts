import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { relayCommands } from '../../../static/admin-page/src/space-permissions/relayCommands';

const guide = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'external-setup.md'), 'utf8');
const URL = 'https://example.net/x1/abc';
const SECRET = 'A'.repeat(43);

describe('relayCommands (the admin page Relay link panel)', () => {
  it("shows the guide's own install and check commands, line for line", () => {
    const [install, , check] = relayCommands(URL);
    for (const line of [...install!.text.split('\n'), ...check!.text.split('\n')]) expect(guide).toContain(line);
  });

  it("fills the guide's env file with this app's web trigger URL", () => {
    const env = relayCommands(URL)[1]!.text.split('\n');
    const guideEnv = guide
      .match(/```sh\n(CONFLUENCE_SITE_URL=[\s\S]*?)```/)![1]!
      .trim()
      .split('\n');
    expect(env.map((l) => l.split('=')[0])).toEqual(guideEnv.map((l) => l.split('=')[0]));
    expect(env).toContain(`RELAY_TRIGGER_URL=${URL}`);
    expect(env).toContain('RELAY_LINK_SECRET=<the link secret>');
    expect(env.join('\n')).not.toMatch(/AAAA/);
  });

  it('carries the link secret only while it is on screen', () => {
    expect(relayCommands(URL, SECRET)[1]!.text).toContain(`RELAY_LINK_SECRET=${SECRET}`);
  });
});
