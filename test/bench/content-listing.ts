// Content store bench: a listing page, a descendants page and a page by id
// in a 10,000-page space. `npx tsx test/bench/content-listing.ts`
import { ConfluenceEmulator, parseDirectory } from '../../local/confluence';
import { makeLargeSite } from '../../local/fixtures/content-generator';

async function main(): Promise<void> {
  const pages = 10_000;
  const e = new ConfluenceEmulator(parseDirectory(makeLargeSite({ pages })));
  const caller = { kind: 'user', accountId: 'u-big' } as const;
  const paths = {
    'spaces/{id}/pages first page (25)': '/wiki/api/v2/spaces/9001/pages',
    'spaces/{id}/pages last page (cursor)': `/wiki/api/v2/spaces/9001/pages?limit=250&cursor=${Buffer.from('local-cursor:9750').toString('base64url')}`,
    'spaces/{id}/pages?sort=-title (25)': '/wiki/api/v2/spaces/9001/pages?sort=-title',
    'pages/{id}/descendants (25)': '/wiki/api/v2/pages/900100001/descendants',
    'pages/{id}': '/wiki/api/v2/pages/900105000',
  };
  for (const [name, path] of Object.entries(paths)) {
    for (let i = 0; i < 20; i += 1) await e.handle({ method: 'GET', path, headers: {} }, caller);
    const runs = 200;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i += 1) await e.handle({ method: 'GET', path, headers: {} }, caller);
    const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
    console.log(`${name.padEnd(40)} ${ms.toFixed(3)} ms`);
  }
}

void main();
