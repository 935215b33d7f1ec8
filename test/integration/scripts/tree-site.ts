/**
 * The scripts' test site (site.ts) with what the tree scripts need on top:
 * Ada administers DOC (and may do everything there), the tree under FAQ
 * goes two levels deeper, Sam may create spaces, a space ARC takes copies
 * (Sam and Ada may create pages there; Nina and Priya only read it), and DOC's pages and
 * blog posts carry labels and attachments for Copy Space.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SAM, ADA, NINA, PRIYA, SiteOptions, SPACE, writeSite } from './site';

export const ARCHIVE = { id: '2002', key: 'ARC', home: '32001' };

interface Json {
  [key: string]: unknown;
}

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
const grant = (type: 'user' | 'group', id: string, key: string, target: string) => ({
  subject: { type, id },
  operation: { key, target },
});

export interface TreeSiteOptions extends SiteOptions {
  roleMode?: string;
  /** Extra pages as a tree under the home page: sections of `branching` pages, each with as many below (the bench). */
  treePages?: number;
  branching?: number;
}

/** `count` pages below `parentId`, breadth first, `branching` children a page: a realistic documentation tree. */
function treeOf(count: number, branching: number, parentId: string): Json[] {
  const out: Json[] = [];
  const parents = [parentId];
  for (let i = 0; i < count; i++) {
    const parent = parents[Math.floor(i / branching)]!;
    const id = String(200_000 + i);
    out.push({
      id,
      title: `Tree page ${i}`,
      parentId: parent,
      authorId: SAM,
      createdAt: day(10),
      labels: i % 5 ? [] : ['bench'],
    });
    parents.push(id);
  }
  return out;
}

export function writeTreeSite(options: TreeSiteOptions = {}): string {
  const file = writeSite(options);
  const site = JSON.parse(readFileSync(file, 'utf8')) as { users: Json[]; spaces: Json[]; roleMode?: string };
  for (const u of site.users) if (u.accountId === SAM) u.canCreateSpace = true;
  const doc = site.spaces.find((s) => s.key === SPACE.key)!;
  const permissions = doc.permissions as unknown[];
  permissions.push(grant('user', ADA, 'administer', 'space'), grant('group', 'g-probation', 'read', 'space'));
  const pages = doc.pages as Json[];
  pages.push(
    { id: '30011', title: 'FAQ: accounts', parentId: '30005', authorId: SAM, createdAt: day(40), labels: ['faq'] },
    {
      id: '30012',
      title: 'FAQ: passwords',
      parentId: '30011',
      authorId: SAM,
      createdAt: day(30),
      body: '<p>Reset</p>',
    },
    { id: '30013', title: 'FAQ: billing', parentId: '30005', authorId: SAM, createdAt: day(20) },
  );
  const blogposts = doc.blogposts as Json[];
  blogposts.push({
    id: '31003',
    title: 'Release notes',
    authorId: SAM,
    createdAt: day(3),
    labels: ['release'],
    attachments: [{ id: 'att50010', title: 'changes.txt', mediaType: 'text/plain', fileSize: 12, createdAt: day(3) }],
  });
  site.spaces.push({
    id: ARCHIVE.id,
    key: ARCHIVE.key,
    name: 'Archive',
    homepageId: ARCHIVE.home,
    permissions: [
      grant('user', SAM, 'read', 'space'),
      grant('user', SAM, 'create', 'page'),
      grant('user', ADA, 'read', 'space'),
      grant('user', ADA, 'create', 'page'),
      grant('user', NINA, 'read', 'space'),
      grant('user', PRIYA, 'read', 'space'),
    ],
    pages: [{ id: ARCHIVE.home, title: 'Archive home', parentId: null, authorId: ADA, createdAt: day(100) }],
    blogposts: [],
  });
  if (options.treePages) pages.push(...treeOf(options.treePages, options.branching ?? 12, '30001'));
  if (options.roleMode) site.roleMode = options.roleMode;
  writeFileSync(file, JSON.stringify(site));
  return file;
}
