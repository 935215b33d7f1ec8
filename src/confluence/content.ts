/**
 * The content calls the built-in scripts make, all as the app (a queue
 * consumer has no user to act as: docs/architecture.md "Runs"), each
 * paced on 429 and checked with zod for the fields the scripts read.
 * Before any write, the engine's scripts ask `userMay` for the run's user.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { ProductApiError } from './client';
import { pacedGet, pacedRequest } from './paced';
import { V2Links } from './schemas';

/** v2 list pages: 250 is the documented maximum `limit`. */
export const V2_PAGE_LIMIT = 250;

const ContentV2 = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().default(''),
  status: z.string().optional(),
  parentId: z.union([z.string(), z.number()]).transform(String).nullable().optional(),
  createdAt: z.string().optional(),
  authorId: z.string().optional(),
  version: z.object({ createdAt: z.string().optional() }).optional(),
});
const ContentPageV2 = z.object({ results: z.array(ContentV2), _links: V2Links });
const DescendantV2 = ContentV2.extend({ type: z.string(), depth: z.number().optional() });
const DescendantPageV2 = z.object({ results: z.array(DescendantV2), _links: V2Links });
const LabelPageV2 = z.object({ results: z.array(z.object({ name: z.string() })), _links: V2Links });
const CommentV2 = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  status: z.string().optional(),
  version: z.object({ authorId: z.string().optional(), createdAt: z.string().optional() }).optional(),
});
const CommentPageV2 = z.object({ results: z.array(CommentV2), _links: V2Links });
const AttachmentV2 = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string().optional(),
  mediaType: z.string().optional(),
  fileSize: z.number().optional(),
  createdAt: z.string().optional(),
});
const AttachmentPageV2 = z.object({ results: z.array(AttachmentV2), _links: V2Links });
const PermissionCheckV1 = z.object({
  hasPermission: z.boolean(),
  errors: z.array(z.object({ message: z.object({ translation: z.string().optional() }).optional() })).optional(),
});

export interface ContentRef {
  id: string;
  title: string;
  status?: string;
  parentId?: string | null;
  createdAt?: string;
  authorId?: string;
  /** The latest version's time: for trashed content, when it was trashed. */
  version?: { createdAt?: string };
}
export interface Descendant extends ContentRef {
  depth?: number;
}
export interface CommentRef {
  id: string;
  kind: 'footer' | 'inline';
  authorId?: string;
  createdAt?: string;
}
export interface AttachmentRef {
  id: string;
  title: string;
  mediaType?: string;
  fileSize?: number;
  createdAt?: string;
  status?: string;
}

export interface Page<T> {
  results: T[];
  /** The cursor of the next page, if any. */
  next?: string;
}

const cursorOf = (links: { next?: string } | undefined): string | undefined =>
  links?.next ? (new URL(links.next, 'https://site.invalid').searchParams.get('cursor') ?? undefined) : undefined;

const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new ProductApiError(404, `${what} was not found (or the app may not see it)`);
  return value;
};

// ---- reads (v2) -------------------------------------------------------------

/** One page of a space's pages or blog posts with a status: v2 "Get pages in space" / "Get blog posts in space". */
async function spaceContent(
  kind: 'pages' | 'blogposts',
  spaceId: string,
  status: 'current' | 'trashed',
  cursor: string | undefined,
  limit: number,
): Promise<Page<ContentRef>> {
  // `kind` is one of two literals: encoding it as a route value leaves it as it is.
  const page = must(
    cursor
      ? await pacedGet(
          route`/wiki/api/v2/spaces/${spaceId}/${kind}?status=${status}&limit=${limit}&cursor=${cursor}`,
          ContentPageV2,
        )
      : await pacedGet(route`/wiki/api/v2/spaces/${spaceId}/${kind}?status=${status}&limit=${limit}`, ContentPageV2),
    `Space ${spaceId}`,
  );
  return { results: page.results, next: cursorOf(page._links) };
}

export const spacePages = (
  spaceId: string,
  status: 'current' | 'trashed',
  cursor: string | undefined,
  limit = V2_PAGE_LIMIT,
): Promise<Page<ContentRef>> => spaceContent('pages', spaceId, status, cursor, limit);

export const spaceBlogposts = (
  spaceId: string,
  status: 'current' | 'trashed',
  cursor: string | undefined,
  limit = V2_PAGE_LIMIT,
): Promise<Page<ContentRef>> => spaceContent('blogposts', spaceId, status, cursor, limit);

const PageV2Single = ContentV2.extend({ spaceId: z.union([z.string(), z.number()]).transform(String).optional() });

/** A page by id (v2 "Get page by id"), or undefined when it does not exist for the app. */
export async function pageById(pageId: string): Promise<(ContentRef & { spaceId?: string }) | undefined> {
  return pacedGet(route`/wiki/api/v2/pages/${pageId}`, PageV2Single);
}

/** One page of a page's descendants, pages only (v2 "Get descendants of page"). */
export async function pageDescendants(
  pageId: string,
  cursor: string | undefined,
  limit = V2_PAGE_LIMIT,
): Promise<Page<Descendant>> {
  const page = must(
    cursor
      ? await pacedGet(
          route`/wiki/api/v2/pages/${pageId}/descendants?limit=${limit}&cursor=${cursor}`,
          DescendantPageV2,
        )
      : await pacedGet(route`/wiki/api/v2/pages/${pageId}/descendants?limit=${limit}`, DescendantPageV2),
    `Page ${pageId}`,
  );
  return { results: page.results.filter((d) => d.type === 'page'), next: cursorOf(page._links) };
}

/** Every label name of a page (v2 "Get labels for page", every page of it). */
export async function pageLabels(pageId: string): Promise<string[] | undefined> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await pacedGet(route`/wiki/api/v2/pages/${pageId}/labels?limit=250&cursor=${cursor}`, LabelPageV2)
      : await pacedGet(route`/wiki/api/v2/pages/${pageId}/labels?limit=250`, LabelPageV2);
    if (!page) return undefined;
    names.push(...page.results.map((l) => l.name));
    cursor = cursorOf(page._links);
  } while (cursor);
  return names;
}

/** Every comment of a kind on a page (v2 "Get footer/inline comments for page", every page of it). */
export async function pageComments(pageId: string, kind: 'footer' | 'inline'): Promise<CommentRef[]> {
  const out: CommentRef[] = [];
  let cursor: string | undefined;
  do {
    const page =
      kind === 'footer'
        ? cursor
          ? await pacedGet(
              route`/wiki/api/v2/pages/${pageId}/footer-comments?limit=250&cursor=${cursor}`,
              CommentPageV2,
            )
          : await pacedGet(route`/wiki/api/v2/pages/${pageId}/footer-comments?limit=250`, CommentPageV2)
        : cursor
          ? await pacedGet(
              route`/wiki/api/v2/pages/${pageId}/inline-comments?limit=250&cursor=${cursor}`,
              CommentPageV2,
            )
          : await pacedGet(route`/wiki/api/v2/pages/${pageId}/inline-comments?limit=250`, CommentPageV2);
    if (!page) return out;
    for (const c of page.results) {
      out.push({ id: c.id, kind, authorId: c.version?.authorId, createdAt: c.version?.createdAt });
    }
    cursor = cursorOf(page._links);
  } while (cursor);
  return out;
}

/** Every attachment of a page with a status (v2 "Get attachments for page", every page of it). */
export async function pageAttachments(pageId: string, status: 'current' | 'trashed'): Promise<AttachmentRef[]> {
  const out: AttachmentRef[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await pacedGet(
          route`/wiki/api/v2/pages/${pageId}/attachments?status=${status}&limit=250&cursor=${cursor}`,
          AttachmentPageV2,
        )
      : await pacedGet(route`/wiki/api/v2/pages/${pageId}/attachments?status=${status}&limit=250`, AttachmentPageV2);
    if (!page) return out;
    out.push(...page.results);
    cursor = cursorOf(page._links);
  } while (cursor);
  return out;
}

/** An attachment by id with its status (v2 "Get attachment by id"), or undefined when gone. */
export async function attachmentById(attachmentId: string): Promise<AttachmentRef | undefined> {
  return pacedGet(route`/wiki/api/v2/attachments/${attachmentId}`, AttachmentV2);
}

// ---- the user's permission (v1) ---------------------------------------------

export type PermissionAnswer = { allowed: true } | { allowed: false; reason: string };

const OPERATION_WORDS = { read: 'view', update: 'edit', delete: 'delete' } as const;

/**
 * May `accountId` do `operation` on the content? v1 "Check content
 * permissions" (`POST /wiki/rest/api/content/{id}/permission/check`), asked
 * as the app about the user. Content the app cannot see at all answers 404:
 * refused too, since nothing can be checked.
 */
export async function userMay(
  contentId: string,
  accountId: string,
  operation: 'read' | 'update' | 'delete',
): Promise<PermissionAnswer> {
  const response = await pacedRequest(route`/wiki/rest/api/content/${contentId}/permission/check`, {
    method: 'POST',
    body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation }),
  });
  if (response.status === 404) return { allowed: false, reason: 'It no longer exists, or the app may not see it.' };
  if (response.status < 200 || response.status >= 300) {
    throw new ProductApiError(response.status, `Confluence answered ${response.status} to a permission check`);
  }
  const answer = PermissionCheckV1.safeParse(await response.json());
  if (!answer.success) throw new ProductApiError(502, 'Confluence answered a permission check the app cannot read');
  if (answer.data.hasPermission) return { allowed: true };
  return {
    allowed: false,
    reason: `You may not ${OPERATION_WORDS[operation]} it in Confluence.`,
  };
}

// ---- writes -----------------------------------------------------------------

/** What a write found: applied, or the thing was already gone (404: an idempotent re-run). */
export type WriteResult = 'applied' | 'gone';

async function write(path: Parameters<typeof pacedRequest>[0], init: { method: string; body?: string }) {
  const response = await pacedRequest(path, init);
  if (response.status === 404) return 'gone' as const;
  if (response.status < 200 || response.status >= 300) {
    let detail = '';
    try {
      const body = (await response.json()) as { message?: string };
      detail = body.message ? `: ${body.message}` : '';
    } catch {
      // no JSON body: the status says enough
    }
    throw new ProductApiError(response.status, `Confluence answered ${response.status}${detail}`);
  }
  return 'applied' as const;
}

/** v1 "Add labels to content": adding a label a page has already changes nothing. */
export function addLabels(pageId: string, names: readonly string[]): Promise<WriteResult> {
  return write(route`/wiki/rest/api/content/${pageId}/label`, {
    method: 'POST',
    body: JSON.stringify(names.map((name) => ({ prefix: 'global', name }))),
  });
}

/** v1 "Remove label from content using query parameter". */
export function removeLabel(pageId: string, name: string): Promise<WriteResult> {
  return write(route`/wiki/rest/api/content/${pageId}/label?name=${name}`, { method: 'DELETE' });
}

/** v2 "Delete footer comment" / "Delete inline comment": permanent. */
export function deleteComment(commentId: string, kind: 'footer' | 'inline'): Promise<WriteResult> {
  return kind === 'footer'
    ? write(route`/wiki/api/v2/footer-comments/${commentId}`, { method: 'DELETE' })
    : write(route`/wiki/api/v2/inline-comments/${commentId}`, { method: 'DELETE' });
}

/** v2 "Delete attachment": to the trash, or (`purge`, the attachment already trashed) for good. */
export function deleteAttachment(attachmentId: string, purge: boolean): Promise<WriteResult> {
  return purge
    ? write(route`/wiki/api/v2/attachments/${attachmentId}?purge=true`, { method: 'DELETE' })
    : write(route`/wiki/api/v2/attachments/${attachmentId}`, { method: 'DELETE' });
}

/** v2 "Delete page" / "Delete blog post" with `purge=true`: a trashed one is removed for good. */
export function purgeTrashed(kind: 'page' | 'blogpost', id: string): Promise<WriteResult> {
  return kind === 'page'
    ? write(route`/wiki/api/v2/pages/${id}?purge=true`, { method: 'DELETE' })
    : write(route`/wiki/api/v2/blogposts/${id}?purge=true`, { method: 'DELETE' });
}
