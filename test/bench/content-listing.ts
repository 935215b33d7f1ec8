/**
 * Content store figures: listings in a 10,000-page space through the
 * emulator's public entry (median of repeated calls; no pass/fail).
 */
import { ConfluenceEmulator, parseDirectory } from '../../local/confluence';
import { encodeCursor } from '../../local/confluence/paging';
import { makeLargeSite } from '../../local/fixtures/content-generator';
import type { Figures } from './module';

export interface ContentListingFigure {
  what: string;
  ms: number;
}

export async function benchContentListing(pages = 10_000): Promise<ContentListingFigure[]> {
  const e = new ConfluenceEmulator(parseDirectory(makeLargeSite({ pages })));
  const caller = { kind: 'user', accountId: 'u-big' } as const;
  const cases: [string, string][] = [
    ['spaces/{id}/pages, first 25', '/wiki/api/v2/spaces/9001/pages'],
    [
      'spaces/{id}/pages, last 250 (cursor)',
      `/wiki/api/v2/spaces/9001/pages?limit=250&cursor=${encodeCursor(pages - 250)}`,
    ],
    ['spaces/{id}/pages?sort=-title, first 25', '/wiki/api/v2/spaces/9001/pages?sort=-title'],
    ['pages/{id}/descendants of the home page, first 25', '/wiki/api/v2/pages/900100001/descendants'],
    ['pages/{id}', '/wiki/api/v2/pages/900105000'],
  ];
  const out: ContentListingFigure[] = [];
  for (const [what, path] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) await e.handle({ method: 'GET', path, headers: {} }, caller); // warm-up
    for (let i = 0; i < 60; i += 1) {
      const start = process.hrtime.bigint();
      await e.handle({ method: 'GET', path, headers: {} }, caller);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    out.push({ what, ms: times[Math.floor(times.length / 2)] ?? 0 });
  }
  return out;
}

/** The same figures as a bench module: median ms per request, by a short key. */
export async function contentListingFigures(): Promise<Figures> {
  const keys = ['firstPage', 'lastPageByCursor', 'sortedByTitle', 'descendants', 'pageById'];
  const figures: Figures = {};
  (await benchContentListing()).forEach((f, i) => {
    figures[`${keys[i] ?? `case${i}`}Ms`] = { label: f.what, value: f.ms, digits: 2, unit: 'ms' };
  });
  return figures;
}
