// v2 content writes:
//   DELETE /wiki/api/v2/pages/{id}, /blogposts/{id}   (to the trash; purge=true on a trashed one: gone)
//   DELETE /wiki/api/v2/attachments/{id}              (same)
//   DELETE /wiki/api/v2/footer-comments/{comment-id}, /inline-comments/{comment-id}  (permanent)
//   POST   /wiki/api/v2/pages, /blogposts
// Refusals answer 404, as the reference's 404 lists "does not have the needed
// permissions to delete"; anything else the caller may not do is a 400.
import { z } from 'zod';
import { jsonBody } from '../content/body';
import { purge, trash } from '../content/operations';
import type { ContainerRecord } from '../content/records';
import {
  attachmentIdParam,
  contentIdParam,
  model,
  readableAttachment,
  readableBlogpost,
  readablePage,
  spaceOf,
} from '../content/route-support';
import { blogpostJson, pageJson } from '../content/shapes';
import { badRequest, json, notFound } from '../http';
import { boolParam } from '../query';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';
import { visibleSpace } from './spaces';

/** Page and blog post titles: at most 255 characters (v1 Content title limit). */
export const MAX_TITLE_LENGTH = 255;
export const TITLE_CLASH_MESSAGE =
  'A page with this title already exists: A page already exists with the same TITLE in this space';

const noContent = { status: 204, headers: {}, body: '' };

function deleteContainer(ctx: RouteContext, record: ContainerRecord, what: 'page' | 'blog post'): typeof noContent {
  const m = model(ctx);
  const missing = notFound(`No ${what} found with id ${record.id}`);
  if (boolParam(ctx.query, 'purge', false)) {
    if (record.status !== 'trashed')
      throw badRequest(`Only a trashed ${what} can be purged; ${record.id} is ${record.status}`);
    if (!m.access.canPurge(ctx.caller, record)) throw missing;
    purge(m, record);
    return noContent;
  }
  if (record.status === 'trashed')
    throw badRequest(`The ${what} ${record.id} is already in the trash; pass purge=true`);
  if (!m.access.canDelete(ctx.caller, record)) throw missing;
  trash(m, record);
  return noContent;
}

/** Trashed content is found only by a delete that purges it (read it with status=trashed). */
const deletePage: Route = {
  method: 'DELETE',
  pattern: '/wiki/api/v2/pages/{id}',
  family: 'v2',
  scopes: SCOPES.pageDelete,
  doc: `${DOCS.v2Page}#api-pages-id-delete`,
  handle: (ctx) => deleteContainer(ctx, readablePage(ctx, contentIdParam(ctx.params.id)), 'page'),
};

const deleteBlogpost: Route = {
  method: 'DELETE',
  pattern: '/wiki/api/v2/blogposts/{id}',
  family: 'v2',
  scopes: SCOPES.pageDelete,
  doc: `${DOCS.v2BlogPost}#api-blogposts-id-delete`,
  handle: (ctx) => deleteContainer(ctx, readableBlogpost(ctx, contentIdParam(ctx.params.id)), 'blog post'),
};

const deleteAttachment: Route = {
  method: 'DELETE',
  pattern: '/wiki/api/v2/attachments/{id}',
  family: 'v2',
  scopes: SCOPES.attachmentDelete,
  doc: `${DOCS.v2Attachment}#api-attachments-id-delete`,
  handle(ctx) {
    const m = model(ctx);
    const { attachment } = readableAttachment(ctx, attachmentIdParam(ctx.params.id));
    const missing = notFound(`No attachment found with id ${attachment.id}`);
    if (boolParam(ctx.query, 'purge', false)) {
      if (attachment.status !== 'trashed') {
        throw badRequest(`Only a trashed attachment can be purged; ${attachment.id} is ${attachment.status}`);
      }
      if (!m.access.canPurge(ctx.caller, attachment)) throw missing;
      m.store.purgeAttachment(attachment);
      return noContent;
    }
    if (attachment.status === 'trashed') {
      throw badRequest(`The attachment ${attachment.id} is already in the trash; pass purge=true`);
    }
    if (!m.access.holds(ctx.caller, attachment.spaceId, 'delete/attachment')) throw missing;
    m.store.setAttachmentStatus(attachment, 'trashed');
    return noContent;
  },
};

function deleteComment(kind: 'footer' | 'inline'): Route {
  return {
    method: 'DELETE',
    pattern: `/wiki/api/v2/${kind}-comments/{commentId}`,
    family: 'v2',
    scopes: SCOPES.commentDelete,
    doc: `${DOCS.v2Comment}#api-${kind}-comments-comment-id-delete`,
    handle(ctx) {
      const m = model(ctx);
      const id = contentIdParam(ctx.params.commentId, 'comment-id');
      const comment = m.store.comment(id);
      const container = comment ? m.store.container(comment.containerId) : undefined;
      const missing = notFound(`No ${kind} comment found with id ${id}`);
      if (!comment || comment.kind !== kind || !container || !m.access.canRead(ctx.caller, container)) throw missing;
      // A guess: authors may delete their own comments without delete/comment, as in Confluence's UI.
      const own = ctx.caller.kind === 'user' && ctx.caller.accountId === comment.authorId;
      if (!own && !m.access.holds(ctx.caller, comment.spaceId, 'delete/comment')) throw missing;
      m.store.deleteComment(comment);
      return noContent;
    },
  };
}

const storageBody = z
  .object({ representation: z.enum(['storage', 'atlas_doc_format', 'wiki']), value: z.string() })
  .optional();

const CreatePage = z.object({
  spaceId: z.union([z.string(), z.number()]).transform(String),
  status: z.enum(['current', 'draft']).optional(),
  title: z.string().optional(),
  parentId: z.union([z.string(), z.number()]).transform(String).optional(),
  body: storageBody,
});

const CreateBlogpost = CreatePage.omit({ parentId: true });

function checkedTitle(title: string | undefined): string {
  const t = title?.trim() ?? '';
  if (t === '') throw badRequest('Title is required for a page that is not a draft.');
  if (t.length > MAX_TITLE_LENGTH) throw badRequest(`Title must be at most ${MAX_TITLE_LENGTH} characters.`);
  return t;
}

function authorOf(ctx: RouteContext): string {
  return ctx.caller.kind === 'user' ? ctx.caller.accountId : ctx.site.appUser().accountId;
}

const createPage: Route = {
  method: 'POST',
  pattern: '/wiki/api/v2/pages',
  family: 'v2',
  scopes: SCOPES.pageWrite,
  doc: `${DOCS.v2Page}#api-pages-post`,
  handle(ctx) {
    const m = model(ctx);
    const input = jsonBody(ctx, CreatePage);
    if (input.status === 'draft') throw badRequest('Drafts are not emulated: create the page with status current.');
    const space = visibleSpace(ctx, contentIdParam(input.spaceId, 'spaceId'));
    if (!m.access.holds(ctx.caller, space.id, 'create/page')) throw notFound(`No space found with id ${space.id}`);
    const title = checkedTitle(input.title);
    const rootLevel = boolParam(ctx.query, 'root-level', false);
    if (rootLevel && input.parentId !== undefined) throw badRequest('parentId may not be given with root-level=true.');
    let parentId: string | null = null;
    if (input.parentId !== undefined) {
      const parent = m.store.page(contentIdParam(input.parentId, 'parentId'));
      if (
        !parent ||
        parent.spaceId !== space.id ||
        parent.status === 'trashed' ||
        !m.access.canRead(ctx.caller, parent)
      ) {
        throw badRequest(`The parent page ${input.parentId} was not found in space ${space.key}.`);
      }
      parentId = parent.id;
    } else if (!rootLevel) {
      // Without parentId the page goes under the space's home page (when it has one).
      const home = space.homepageId === undefined ? undefined : m.store.page(space.homepageId);
      parentId = home && home.status !== 'trashed' ? home.id : null;
    }
    if (m.store.pageTitled(space.id, title)) throw badRequest(TITLE_CLASH_MESSAGE);
    const page = m.store.createPage({
      spaceId: space.id,
      parentId,
      title,
      body: input.body?.value ?? '',
      authorId: authorOf(ctx),
      createdAt: m.nowIso(),
    });
    return json(
      200,
      pageJson(m.store, page, { spaceKey: space.key, bodyFormat: 'storage', base: `${ctx.baseUrl}/wiki` }),
    );
  },
};

const createBlogpost: Route = {
  method: 'POST',
  pattern: '/wiki/api/v2/blogposts',
  family: 'v2',
  scopes: SCOPES.pageWrite,
  doc: `${DOCS.v2BlogPost}#api-blogposts-post`,
  handle(ctx) {
    const m = model(ctx);
    const input = jsonBody(ctx, CreateBlogpost);
    if (input.status === 'draft')
      throw badRequest('Drafts are not emulated: create the blog post with status current.');
    const space = visibleSpace(ctx, contentIdParam(input.spaceId, 'spaceId'));
    if (!m.access.holds(ctx.caller, space.id, 'create/blogpost')) throw notFound(`No space found with id ${space.id}`);
    const title = checkedTitle(input.title);
    const createdAt = m.nowIso();
    // Blog post titles are unique per space and posting day (a guess from Confluence's UI).
    const day = createdAt.slice(0, 10);
    const clash = m.store
      .blogpostsOf(space.id)
      .some(
        (b) =>
          b.status !== 'trashed' && b.title.toLowerCase() === title.toLowerCase() && b.createdAt.slice(0, 10) === day,
      );
    if (clash) throw badRequest('A blog post with this title already exists in this space on this date.');
    const post = m.store.createBlogpost({
      spaceId: space.id,
      title,
      body: input.body?.value ?? '',
      authorId: authorOf(ctx),
      createdAt,
    });
    return json(
      200,
      blogpostJson(post, { spaceKey: spaceOf(ctx, post).key, bodyFormat: 'storage', base: `${ctx.baseUrl}/wiki` }),
    );
  },
};

export const contentWriteRoutes: Route[] = [
  deletePage,
  deleteBlogpost,
  deleteAttachment,
  deleteComment('footer'),
  deleteComment('inline'),
  createPage,
  createBlogpost,
];
