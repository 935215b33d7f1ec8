import { ConfluenceEmulator, parseDirectory } from '../../../local/confluence';
import { makeLargeSite } from '../../../local/fixtures/content-generator';
import { as, demo, get, v2Pages } from './helpers';
import { emulatorFor } from './helpers';
import { contentSite } from './content-site';

describe('the demo fixture’s content', () => {
  const e = demo();

  it('has a few hundred pages in trees, with home pages, trash and blog posts in every space', async () => {
    let total = 0;
    for (const space of e.site.spaces()) {
      const pages = e.site.content.store.pagesOf(space.id);
      total += pages.length;
      expect(e.site.content.store.page(space.homepageId ?? '')?.parentId).toBeNull();
      expect(pages.some((p) => p.status === 'trashed')).toBe(true);
      expect(Math.max(...pages.map((p) => e.site.content.store.ancestors(p).length))).toBeGreaterThanOrEqual(3);
      expect(e.site.content.store.blogpostsOf(space.id).length).toBeGreaterThan(0);
    }
    expect(total).toBeGreaterThanOrEqual(250);
  });

  it('keeps HR’s Compensation pages from Nina but shows them to Priya (power-users)', async () => {
    const comp = e.site.content.store.pageTitled('1002', 'Compensation');
    expect(comp).toBeDefined();
    expect((await get(e, `/wiki/api/v2/pages/${comp?.id ?? ''}`, as.nina)).status).toBe(404);
    expect((await get(e, `/wiki/api/v2/pages/${comp?.id ?? ''}`, as.priya)).status).toBe(200);
    const nina = await v2Pages(e, '/wiki/api/v2/spaces/1002/pages?limit=250', as.nina);
    expect(nina.flatMap((p) => p.body.results.map((r: { title: string }) => r.title))).not.toContain('Salary bands');
  });
});

describe('fixture checks for content', () => {
  it('refuses duplicate ids site-wide, unknown parents and authors, naming the field', () => {
    const site = contentSite();
    const spaces = site.spaces ?? [];
    spaces[1]?.pages?.push({ id: '111', title: 'Dup', authorId: 'u-ada', createdAt: '2025-01-01T00:00:00Z' });
    spaces[1]?.pages?.push({
      id: '250',
      title: 'Orphan',
      parentId: '100',
      authorId: 'u-zed',
      createdAt: '2025-01-01T00:00:00Z',
    });
    expect(() => parseDirectory(site)).toThrow(/spaces\[1\]\.pages\[2\]\.id: duplicate content id "111"/);
    expect(() => parseDirectory(site)).toThrow(
      /spaces\[1\]\.pages\[3\]\.parentId: no page with id "100" in this space/,
    );
    expect(() => parseDirectory(site)).toThrow(/spaces\[1\]\.pages\[3\]\.authorId: no user with accountId "u-zed"/);
  });

  it('counts "att501" and "501" as the same id', () => {
    const site = contentSite();
    site.spaces?.[1]?.pages?.push({ id: '501', title: 'Clash', authorId: 'u-ada', createdAt: '2025-01-01T00:00:00Z' });
    expect(() => parseDirectory(site)).toThrow(/duplicate content id "501"/);
  });

  it('loads the small test site', () => {
    expect(emulatorFor(contentSite()).site.content.store.pagesOf('2001')).toHaveLength(9);
  });
});

describe('a 10,000-page space', () => {
  const e = new ConfluenceEmulator(parseDirectory(makeLargeSite({ pages: 10_000 })));
  const big = { kind: 'user', accountId: 'u-big' } as const;

  it('pages through every page exactly once', async () => {
    const pages = await v2Pages(e, '/wiki/api/v2/spaces/9001/pages?limit=250', big);
    const ids = pages.flatMap((p) => p.body.results.map((r: { id: string }) => r.id));
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });

  it('answers descendants level by level', async () => {
    const res = await get(e, '/wiki/api/v2/pages/900100001/descendants?limit=12&depth=2', big);
    expect(res.body.results.map((d: { depth: number }) => d.depth)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
  });
});
