import { as, contentEmulator } from './content-site';
import { expectV1Error, get, q } from './helpers';

/** GET /wiki/rest/api/search with content CQL, over the TEAM/OPS content site. */
const titles = (body: { results: { content: { title: string } }[] }): string[] =>
  body.results.map((r) => r.content.title);

describe('GET /wiki/rest/api/search: pages and blog posts by CQL', () => {
  const e = contentEmulator();
  const search = (cql: string, caller: (typeof as)[keyof typeof as], extra = '') =>
    get(e, `/wiki/rest/api/search?cql=${q(cql)}${extra}`, caller);

  it('finds current pages of one space whose title contains the text, any case, in title order', async () => {
    const res = await search('type=page AND space="TEAM" AND title ~ "s"', as.bob);
    expect(res.status).toBe(200);
    // "Legal hold" has no s; the trashed "Old plan" is not current.
    expect(titles(res.body)).toEqual(['Guides', 'Policies', 'Setup', 'Usage']);
    expect(res.body.results[0]).toMatchObject({
      content: { id: '110', type: 'page', status: 'current', title: 'Guides' },
      title: 'Guides',
      entityType: 'content',
      resultGlobalContainer: { title: 'Team', displayUrl: '/spaces/TEAM' },
    });
    expect(res.body).toMatchObject({ start: 0, limit: 25, size: 4, totalSize: 4 });
  });

  it('keeps to the named space: the other space\'s "Setup" is not found', async () => {
    const team = await search('type = page AND space = TEAM AND title ~ "setup"', as.bob);
    expect(team.body.results.map((r: { content: { id: string } }) => r.content.id)).toEqual(['111']);
    const ops = await search('type = page AND space = OPS AND title ~ "setup"', as.bob);
    expect(ops.body.results.map((r: { content: { id: string } }) => r.content.id)).toEqual(['210']);
  });

  it('never shows a page the caller may not read (a read restriction covers its descendants)', async () => {
    const cql = 'type = page AND space = TEAM AND title ~ "o"';
    expect(titles((await search(cql, as.bob)).body)).toEqual(['Contract', 'Frozen', 'Home', 'Legal hold', 'Policies']);
    expect(titles((await search(cql, as.eve)).body)).toEqual(['Frozen', 'Home', 'Policies']);
    expect(titles((await search(cql, as.kim)).body)).toContain('Legal hold');
  });

  it('an empty title text lists every page; blog posts are their own type', async () => {
    expect((await search('type = page AND space = TEAM AND title ~ ""', as.eve)).body.totalSize).toBe(6);
    expect(titles((await search('type = blogpost AND space = TEAM', as.eve)).body)).toEqual(['Kick-off']);
  });

  it('pages with a limit, and adds ancestors, root first, when asked', async () => {
    const first = await search('type = page AND space = TEAM', as.bob, '&limit=2');
    expect(first.body.size).toBe(2);
    expect(first.body._links.next).toContain('cursor=');
    const usage = await search('type = page AND space = TEAM AND title ~ "usage"', as.bob, '&expand=content.ancestors');
    expect(usage.body.results[0].content.ancestors.map((a: { title: string }) => a.title)).toEqual(['Home', 'Guides']);
  });

  it('refuses a field content search does not know, as Confluence refuses bad CQL', async () => {
    expectV1Error(await search('type = page AND colour = "red"', as.bob), 400);
  });
});
