// The fixture's content (DESIGN section 5): a space's pages and blog posts,
// with their labels, comments, attachments and page restrictions. Checked
// with zod like the rest of the fixture; every error names the field.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const numericId = z.string().regex(/^[1-9][0-9]{0,17}$/, 'must be a positive integer in a string, like "20001"');
const isoDate = z.iso.datetime({ message: 'must be an ISO 8601 date-time' });

/** Content statuses the fixture may set (v2 ContentStatus minus the transient ones). */
export const CONTENT_STATUSES = ['current', 'trashed', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const attachmentSchema = z.strictObject({
  /** v2 attachment ids are "att" + digits (path parameter pattern `(att)?[0-9]+`). */
  id: z.string().regex(/^att[1-9][0-9]{0,17}$/, 'must be "att" and digits, like "att30001"'),
  title: nonEmpty,
  mediaType: z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, 'must be a media type, like "image/png"'),
  fileSize: z.number().int('must be a whole number of bytes').min(0, 'must be 0 or more'),
  createdAt: isoDate,
  status: z.enum(['current', 'trashed', 'archived']).default('current'),
  authorId: z.string().optional(),
  comment: z.string().optional(),
});

export const commentSchema = z.strictObject({
  id: numericId,
  kind: z.enum(['footer', 'inline']),
  authorId: nonEmpty,
  createdAt: isoDate,
  body: z.string(),
  status: z.enum(['current', 'trashed', 'archived']).default('current'),
});

const principalsSchema = z.strictObject({
  users: z.array(nonEmpty).default([]),
  groups: z.array(nonEmpty).default([]),
});

/** Page restrictions: read hides the page and its descendants; update guards edits of this page. */
export const restrictionsSchema = z.strictObject({
  read: principalsSchema.optional(),
  update: principalsSchema.optional(),
});

const contentFields = {
  id: numericId,
  title: nonEmpty.max(255, 'must be at most 255 characters'),
  status: z.enum(CONTENT_STATUSES).default('current'),
  authorId: nonEmpty,
  createdAt: isoDate,
  /** The storage-format body; "" when absent. */
  body: z.string().optional(),
  labels: z.array(nonEmpty).default([]),
  attachments: z.array(attachmentSchema).default([]),
  comments: z.array(commentSchema).default([]),
};

export const pageSchema = z.strictObject({
  ...contentFields,
  parentId: numericId.nullable().default(null),
  /** Sibling order; siblings without one follow those with one, in fixture order. */
  position: z.number().int().min(0).optional(),
  restrictions: restrictionsSchema.optional(),
});

export const blogpostSchema = z.strictObject(contentFields);

export type PageInput = z.input<typeof pageSchema>;
export type FixturePage = z.output<typeof pageSchema>;
export type FixtureBlogpost = z.output<typeof blogpostSchema>;
export type FixtureAttachment = z.output<typeof attachmentSchema>;
export type FixtureComment = z.output<typeof commentSchema>;
export type FixtureRestrictions = z.output<typeof restrictionsSchema>;

type Path = (string | number)[];

export interface ContentSpaceLike {
  homepageId?: string | undefined;
  pages: FixturePage[];
  blogposts: FixtureBlogpost[];
}

/**
 * Cross-field checks: ids unique site-wide (pages, blog posts, comments and
 * attachments share one id space, as content ids do in Confluence; "att123"
 * counts as 123), parents in the same space, no cycles, known authors and
 * restriction principals, homepageId naming one of the space's pages.
 */
export function checkContent(
  spaces: readonly ContentSpaceLike[],
  known: { users: ReadonlySet<string>; groups: ReadonlySet<string> },
  issue: (path: Path, message: string) => void,
): void {
  const ids = new Map<string, string>();
  const claim = (id: string, path: Path): void => {
    const numeric = id.replace(/^att/, '');
    const where = path.join('.');
    const previous = ids.get(numeric);
    if (previous !== undefined) issue(path, `duplicate content id "${id}" (also used at ${previous})`);
    else ids.set(numeric, where);
  };
  const author = (id: string | undefined, path: Path): void => {
    if (id !== undefined && !known.users.has(id)) issue(path, `no user with accountId "${id}"`);
  };
  spaces.forEach((space, si) => {
    const pageIds = new Set(space.pages.map((p) => p.id));
    const items: [FixturePage | FixtureBlogpost, Path][] = [
      ...space.pages.map((p, pi): [FixturePage, Path] => [p, ['spaces', si, 'pages', pi]]),
      ...space.blogposts.map((b, bi): [FixtureBlogpost, Path] => [b, ['spaces', si, 'blogposts', bi]]),
    ];
    for (const [item, path] of items) {
      claim(item.id, [...path, 'id']);
      author(item.authorId, [...path, 'authorId']);
      item.comments.forEach((c, ci) => {
        claim(c.id, [...path, 'comments', ci, 'id']);
        author(c.authorId, [...path, 'comments', ci, 'authorId']);
      });
      item.attachments.forEach((a, ai) => {
        claim(a.id, [...path, 'attachments', ai, 'id']);
        author(a.authorId, [...path, 'attachments', ai, 'authorId']);
      });
    }
    space.pages.forEach((p, pi) => {
      const path: Path = ['spaces', si, 'pages', pi];
      if (p.parentId !== null && !pageIds.has(p.parentId)) {
        issue([...path, 'parentId'], `no page with id "${p.parentId}" in this space`);
      }
      const r = p.restrictions;
      for (const op of ['read', 'update'] as const) {
        r?.[op]?.users.forEach((u, ui) => {
          if (!known.users.has(u)) issue([...path, 'restrictions', op, 'users', ui], `no user with accountId "${u}"`);
        });
        r?.[op]?.groups.forEach((g, gi) => {
          if (!known.groups.has(g)) issue([...path, 'restrictions', op, 'groups', gi], `no group with id "${g}"`);
        });
      }
    });
    const parentOf = new Map(space.pages.map((p) => [p.id, p.parentId]));
    space.pages.forEach((p, pi) => {
      const seen = new Set<string>([p.id]);
      let up = p.parentId;
      while (up !== null && up !== undefined) {
        if (seen.has(up)) {
          issue(['spaces', si, 'pages', pi, 'parentId'], `page "${p.id}" is its own ancestor`);
          break;
        }
        seen.add(up);
        up = parentOf.get(up) ?? null;
      }
    });
    if (space.homepageId !== undefined && space.pages.length > 0 && !pageIds.has(space.homepageId)) {
      issue(['spaces', si, 'homepageId'], `no page with id "${space.homepageId}" in this space`);
    }
  });
}
