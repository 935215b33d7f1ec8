/**
 * A site fixture for the script tests: the demo fixture's people, and one
 * space DOC with a page tree, comments, attachments, trash and one page
 * only Ada may edit. Written to a temporary file for LOCAL_DIRECTORY.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEMO = join(__dirname, '..', '..', '..', 'local', 'fixtures', 'demo.json');

export const SPACE = { id: '2001', key: 'DOC' };
/** Sam administers DOC directly; Nina only reads it; Priya administers it through power-users but may not edit pages. */
export const SAM = 'u-sam';
export const NINA = 'u-nina';
export const PRIYA = 'u-priya';
export const ADA = 'u-ada';
/** A page Sam may not edit (update restricted to Ada). */
export const LOCKED_PAGE = '30004';

const op = (key: string, target: string) => ({ key, target });
const grant = (type: 'user' | 'group', id: string, key: string, target: string) => ({
  subject: { type, id },
  operation: op(key, target),
});

const CONTENT_OPS: [string, string][] = [
  ['read', 'space'],
  ['create', 'page'],
  ['create', 'blogpost'],
  ['create', 'comment'],
  ['create', 'attachment'],
  ['delete', 'page'],
  ['delete', 'blogpost'],
  ['delete', 'comment'],
  ['delete', 'attachment'],
];

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

export interface SiteOptions {
  /** Extra plain pages under the home page (the bench uses 10,000). */
  extraPages?: number;
}

export function writeSite(options: SiteOptions = {}): string {
  const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as { users: unknown[]; groups: unknown[]; spaces: unknown[] };
  const permissions = [
    ...CONTENT_OPS.map(([k, t]) => grant('user', SAM, k, t)),
    grant('user', SAM, 'administer', 'space'),
    // power-users administer DOC but may not edit its content: only the per-item check stops them (the app could).
    grant('group', 'g-power', 'read', 'space'),
    grant('group', 'g-power', 'administer', 'space'),
    grant('user', NINA, 'read', 'space'),
    ...CONTENT_OPS.map(([k, t]) => grant('user', ADA, k, t)),
  ];
  const pages: unknown[] = [
    { id: '30001', title: 'Home', parentId: null, authorId: ADA, createdAt: day(800), labels: ['home'] },
    {
      id: '30002',
      title: 'Guides',
      parentId: '30001',
      authorId: SAM,
      createdAt: day(500),
      labels: ['old'],
      comments: [
        { id: '40001', kind: 'footer', authorId: 'u-bob', createdAt: day(400), body: 'Outdated?' },
        { id: '40002', kind: 'inline', authorId: SAM, createdAt: day(3), body: 'Typo here' },
      ],
      attachments: [
        { id: 'att50001', title: 'diagram.png', mediaType: 'image/png', fileSize: 48_213, createdAt: day(300) },
        { id: 'att50002', title: 'notes.txt', mediaType: 'text/plain', fileSize: 120, createdAt: day(2) },
      ],
    },
    {
      id: '30003',
      title: 'Setup',
      parentId: '30002',
      authorId: SAM,
      createdAt: day(200),
      comments: [{ id: '40003', kind: 'footer', authorId: 'u-bob', createdAt: day(390), body: 'Still true?' }],
      attachments: [
        { id: 'att50003', title: 'old-logo.png', mediaType: 'image/png', fileSize: 9_000, createdAt: day(700) },
      ],
    },
    {
      id: LOCKED_PAGE,
      title: 'Board minutes',
      parentId: '30002',
      authorId: ADA,
      createdAt: day(100),
      restrictions: { update: { users: [ADA] } },
      comments: [{ id: '40004', kind: 'footer', authorId: 'u-bob', createdAt: day(380), body: 'Approved' }],
      attachments: [
        { id: 'att50004', title: 'minutes.png', mediaType: 'image/png', fileSize: 20_000, createdAt: day(365) },
      ],
    },
    {
      id: '30005',
      title: 'FAQ',
      parentId: '30002',
      authorId: SAM,
      createdAt: day(50),
      attachments: [
        {
          id: 'att50005',
          title: 'draft.pdf',
          mediaType: 'application/pdf',
          fileSize: 1_000,
          createdAt: day(40),
          status: 'trashed',
        },
      ],
    },
    { id: '30006', title: 'Old plan', parentId: '30001', authorId: SAM, createdAt: day(900), status: 'trashed' },
  ];
  for (let i = 0; i < (options.extraPages ?? 0); i++) {
    pages.push({ id: String(100_000 + i), title: `Page ${i}`, parentId: '30001', authorId: SAM, createdAt: day(10) });
  }
  const blogposts = [
    { id: '31001', title: 'Welcome', authorId: ADA, createdAt: day(600), status: 'trashed' },
    { id: '31002', title: 'News', authorId: ADA, createdAt: day(5) },
  ];
  const space = { ...SPACE, name: 'Documentation', permissions, pages, blogposts, homepageId: '30001' };
  const site = { ...demo, spaces: [...demo.spaces, space] };
  const file = join(mkdtempSync(join(tmpdir(), 'scripts-site-')), 'site.json');
  writeFileSync(file, JSON.stringify(site));
  return file;
}
