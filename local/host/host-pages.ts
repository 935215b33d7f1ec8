import type { CurrentFixture } from './fixture-choices';
import type { PageModule } from './manifest';

/** What the host pages show of the site fixture. */
export interface Persona {
  accountId: string;
  displayName: string;
  email: string;
  siteAdmin: boolean;
}

export interface SpaceSummary {
  key: string;
  name: string;
}

export interface HostPageData {
  personas: Persona[];
  spaces: SpaceSummary[];
  pages: PageModule[];
  webTriggerUrls: { moduleKey: string; url: string }[];
  /** The loaded site fixture and the demo fixtures to switch to. */
  fixture?: CurrentFixture;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const STYLE = `
  :root { color-scheme: light dark; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  header { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 16px; border-bottom: 1px solid #8884; }
  header strong { margin-right: auto; }
  header label { display: inline-flex; gap: 6px; align-items: center; font-size: 14px; }
  main { padding: 16px 24px; max-width: 960px; }
  iframe { display: block; width: 100%; height: calc(100vh - 58px); border: 0; }
  code { font-size: 13px; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: 4px 12px 4px 0; }
`;

function layout(title: string, header: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body><header>${header}</header>${body}</body></html>`;
}

function select(name: string, label: string, options: { value: string; text: string }[], selected: string): string {
  const items = options
    .map(
      (o) =>
        `<option value="${escapeHtml(o.value)}"${o.value === selected ? ' selected' : ''}>${escapeHtml(o.text)}</option>`,
    )
    .join('');
  return `<label>${escapeHtml(label)} <select name="${name}" onchange="this.form.submit()">${items}</select></label>`;
}

const personaOptions = (personas: Persona[]) =>
  personas.map((p) => ({ value: p.accountId, text: `${p.displayName}${p.siteAdmin ? ' (Confluence admin)' : ''}` }));

const themeOptions = [
  { value: 'light', text: 'Light' },
  { value: 'dark', text: 'Dark' },
];

export interface FrameChoice {
  accountId: string;
  spaceKey?: string;
  theme: 'light' | 'dark';
}

/** A Confluence-like page that frames one Custom UI module, with "acting as" switchers. */
export function framePage(data: HostPageData, page: PageModule, choice: FrameChoice): string {
  const frameQuery = new URLSearchParams({ accountId: choice.accountId, theme: choice.theme });
  if (choice.spaceKey) frameQuery.set('spaceKey', choice.spaceKey);
  const spaceSwitch =
    page.moduleType === 'confluence:spaceSettings'
      ? select(
          'space',
          'Space',
          data.spaces.map((s) => ({ value: s.key, text: `${s.name} (${s.key})` })),
          choice.spaceKey ?? '',
        )
      : '';
  const header = `<strong><a href="/">Local Forge host</a> · ${escapeHtml(page.title)}</strong>
<form method="get" style="display:contents">
${select('as', 'Acting as', personaOptions(data.personas), choice.accountId)}
${spaceSwitch}
${select('theme', 'Theme', themeOptions, choice.theme)}
</form>`;
  const src = `/__local/frame/${encodeURIComponent(page.key)}/index.html?${frameQuery}`;
  return layout(page.title, header, `<iframe title="${escapeHtml(page.title)}" src="${escapeHtml(src)}"></iframe>`);
}

export function pagePath(page: PageModule, spaceKey?: string): string {
  return page.moduleType === 'confluence:spaceSettings'
    ? `/spaces/${encodeURIComponent(spaceKey ?? '')}/settings/${page.route ?? page.key}`
    : `/admin/${page.key}`;
}

/** Which site fixture runs, and how to start the host with another (one per space role mode). */
function fixtureSection(fixture: CurrentFixture | undefined): string {
  if (!fixture) return '';
  const rows = fixture.choices
    .map((c) => {
      const current = c.file === fixture.file;
      const command = `LOCAL_DIRECTORY=${c.file} npm start`;
      return `<tr${current ? ' aria-current="true"' : ''}><td><code>${escapeHtml(c.roleMode)}</code></td><td>${escapeHtml(c.description)}</td><td>${
        current ? '<strong>running</strong>' : `<code>${escapeHtml(command)}</code>`
      }</td></tr>`;
    })
    .join('');
  return `<h2>Site fixture</h2>
<p>Running <code>${escapeHtml(fixture.file)}</code> (space role mode <code data-testid="role-mode">${escapeHtml(fixture.roleMode)}</code>).
To switch, stop the host and start it with another fixture; add <code>LOCAL_DATA_DIR=.local-data-roles</code> to keep each site's stored data apart.</p>
<table><thead><tr><th>Role mode</th><th>Site</th><th>Start with</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The local host's start page: every page, persona, and the web trigger URLs. */
export function indexPage(data: HostPageData): string {
  const pageLinks = data.pages
    .flatMap((page) =>
      page.moduleType === 'confluence:spaceSettings'
        ? data.spaces.map(
            (s) => `<li><a href="${pagePath(page, s.key)}">${escapeHtml(page.title)}: ${escapeHtml(s.name)}</a></li>`,
          )
        : [`<li><a href="${pagePath(page)}">${escapeHtml(page.title)} (Confluence admin settings)</a></li>`],
    )
    .join('');
  const personas = data.personas
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.displayName)}</td><td><code>${escapeHtml(p.accountId)}</code></td><td>${escapeHtml(p.email)}</td><td>${p.siteAdmin ? 'Confluence admin' : ''}</td></tr>`,
    )
    .join('');
  const triggers = data.webTriggerUrls.length
    ? data.webTriggerUrls
        .map((t) => `<li><code>${escapeHtml(t.moduleKey)}</code>: <code>${escapeHtml(t.url)}</code></li>`)
        .join('')
    : '<li>No web trigger URL yet: the app creates one when an admin links the relay.</li>';
  const body = `<main>
<h1>Space admin built-in script permissions — local Forge host</h1>
<h2>Pages</h2><ul>${pageLinks}</ul>
${fixtureSection(data.fixture)}
<h2>People in the site fixture</h2>
<table><thead><tr><th>Name</th><th>accountId</th><th>Email</th><th></th></tr></thead><tbody>${personas}</tbody></table>
<p>The emulated Confluence REST API is under <code>/wiki/</code> with Basic auth (a fixture user's email and API token).</p>
<h2>Web trigger URLs</h2><ul>${triggers}</ul>
<h2>Tools</h2><ul><li><code>POST /__local/invoke</code> runs a resolver as a page would</li><li><a href="/__local/stats">/__local/stats</a>: platform calls of recent invocations</li></ul>
</main>`;
  return layout('Local Forge host', '<strong>Local Forge host</strong>', body);
}
