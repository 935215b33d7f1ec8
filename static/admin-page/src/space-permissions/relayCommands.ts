/**
 * The copy-paste commands the Relay link panel shows: the relay setup guide's
 * (docs/external-setup.md, steps 2a-4) with this app's web trigger URL, and
 * the link secret while it is on screen. A unit test keeps them equal to the
 * guide's lines.
 */
export interface RelayCommandBlock {
  title: string;
  text: string;
}

export const RELAY_PATH = '/opt/confluence-relay/relay.mjs';
export const ENV_FILE = '/etc/confluence-relay.env';

export function relayCommands(webTriggerUrl: string, secret?: string): RelayCommandBlock[] {
  return [
    {
      title: 'Install the relay (the one file relay.mjs) on your host',
      text: [
        'sudo useradd --system --no-create-home --shell /usr/sbin/nologin relay',
        `sudo install -D -m 755 relay.mjs ${RELAY_PATH}`,
        `sudo install -m 600 -o relay -g relay /dev/null ${ENV_FILE}`,
        `sudoedit ${ENV_FILE}`,
      ].join('\n'),
    },
    {
      title: `Put this in ${ENV_FILE}, with your site, service account and API token`,
      text: [
        'CONFLUENCE_SITE_URL=https://your-site.atlassian.net',
        'CONFLUENCE_EMAIL=confluence-relay@your-company.com',
        'CONFLUENCE_API_TOKEN=<the API token>',
        `RELAY_TRIGGER_URL=${webTriggerUrl}`,
        `RELAY_LINK_SECRET=${secret ?? '<the link secret>'}`,
      ].join('\n'),
    },
    {
      title: 'Check it (changes nothing), then apply what is queued',
      text: [`set -a; . ${ENV_FILE}; set +a`, `node ${RELAY_PATH} --dry-run`, `node ${RELAY_PATH} --once`].join('\n'),
    },
  ];
}
