// v1 long-running tasks:
//   DELETE /wiki/rest/api/content/{id}/pageTree          202 LongTask
//   POST   /wiki/rest/api/content/{id}/pagehierarchy/copy 202 LongTask
//   GET    /wiki/rest/api/longtask/{id}, /wiki/rest/api/longtask
// A task moves with the content model's clock (content/long-tasks.ts).
import { z } from 'zod';
import { jsonBody } from '../content/body';
import type { LongTask } from '../content/long-tasks';
import { model, readableContent, v1ContentId } from '../content/route-support';
import { startTreeCopy, startTreeDelete } from '../content/tree-tasks';
import { ApiError, badRequest, json, notFound } from '../http';
import { readV1Page, v1Links, v1Page } from '../paging';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';

/** GET /longtask: limit default 100 (reference); larger limits are clamped like other v1 lists. */
export const LONG_TASK_PAGE = { defaultLimit: 100, maxLimit: 200 } as const;

/** The 202 answer: LongTask {ari, id, links: {status}}. */
function accepted(task: LongTask) {
  return json(202, {
    ari: `ari:cloud:confluence::longtask/${task.id}`,
    id: task.id,
    links: { status: `/rest/api/longtask/${task.id}` },
  });
}

function taskJson(ctx: RouteContext, task: LongTask): Record<string, unknown> {
  const tasks = model(ctx).tasks;
  return {
    id: task.id,
    name: task.name,
    elapsedTime: tasks.elapsed(task),
    percentageComplete: tasks.percentage(task),
    successful: task.successful,
    finished: task.finished,
    messages: task.messages,
    status: task.finished ? (task.successful ? 'COMPLETED' : 'FAILED') : 'RUNNING',
    errors: task.errors,
    additionalDetails: task.additionalDetails,
    _links: { base: `${ctx.baseUrl}/wiki`, context: '/wiki', self: `${ctx.baseUrl}/wiki/rest/api/longtask/${task.id}` },
  };
}

const callerId = (ctx: RouteContext): string =>
  ctx.caller.kind === 'user' ? ctx.caller.accountId : ctx.site.appUser().accountId;

/** Tasks are seen by whoever started them, and by Confluence admins (a guess). */
const mayView = (ctx: RouteContext, task: LongTask): boolean =>
  task.ownerId === callerId(ctx) || (ctx.caller.kind === 'user' && ctx.site.isSiteAdmin(ctx.caller.accountId));

const deleteTree: Route = {
  method: 'DELETE',
  pattern: '/wiki/rest/api/content/{id}/pageTree',
  family: 'v1',
  scopes: SCOPES.contentWrite,
  doc: `${DOCS.v1ContentDescendants}#api-wiki-rest-api-content-id-pagetree-delete`,
  handle(ctx) {
    const m = model(ctx);
    const record = readableContent(ctx, v1ContentId(ctx.params.id));
    // The reference: only a current page's tree can be deleted; "every other combination ... is not supported".
    if (record.type !== 'page' || record.status !== 'current') {
      throw badRequest(`Delete page tree is not supported for a ${record.status} ${record.type}: ${record.id}`);
    }
    if (!m.access.canDelete(ctx.caller, record)) {
      throw new ApiError(403, `User not permitted to delete page tree of content with id: ${record.id}`);
    }
    return accepted(startTreeDelete(m, ctx.caller, record));
  },
};

const CopyRequest = z.object({
  copyAttachments: z.boolean().default(false),
  copyPermissions: z.boolean().default(false),
  copyProperties: z.boolean().default(false),
  copyLabels: z.boolean().default(false),
  copyCustomContents: z.boolean().default(false),
  copyDescendants: z.boolean().default(true),
  destinationPageId: z.union([z.string(), z.number()]).transform(String),
  titleOptions: z
    .object({ prefix: z.string().optional(), replace: z.string().optional(), search: z.string().optional() })
    .optional(),
});

const copyTree: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/content/{id}/pagehierarchy/copy',
  family: 'v1',
  scopes: SCOPES.contentWrite,
  doc: `${DOCS.v1ContentDescendants}#api-wiki-rest-api-content-id-pagehierarchy-copy-post`,
  handle(ctx) {
    const m = model(ctx);
    const source = readableContent(ctx, v1ContentId(ctx.params.id));
    if (source.type !== 'page' || source.status === 'trashed') throw notFound(`No page found with id: ${source.id}`);
    const body = jsonBody(ctx, CopyRequest);
    const destination = m.store.page(/^[0-9]{1,18}$/.test(body.destinationPageId) ? body.destinationPageId : '');
    if (!destination || destination.status === 'trashed' || !m.access.canRead(ctx.caller, destination)) {
      throw notFound(`No destination page found with id: ${body.destinationPageId}`);
    }
    if (!m.access.holds(ctx.caller, destination.spaceId, 'create/page')) {
      throw new ApiError(403, `User not permitted to create content in the destination space`);
    }
    if (m.store.ancestors(destination).some((p) => p.id === source.id) || destination.id === source.id) {
      throw badRequest('The destination page is inside the page tree being copied.');
    }
    const titleOptions = body.titleOptions ?? {};
    const renames = (titleOptions.prefix ?? '') !== '' || (titleOptions.search ?? '') !== '';
    if (destination.spaceId === source.spaceId && !renames) {
      throw badRequest(
        'titleOptions with a prefix (or a search and replace) are required to copy a page tree within its space.',
      );
    }
    const task = startTreeCopy(m, ctx.caller, source, destination, {
      copyAttachments: body.copyAttachments,
      copyPermissions: body.copyPermissions,
      copyLabels: body.copyLabels,
      copyProperties: body.copyProperties,
      copyCustomContents: body.copyCustomContents,
      copyDescendants: body.copyDescendants,
      titleOptions,
    });
    return accepted(task);
  },
};

const getTask: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/longtask/{id}',
  family: 'v1',
  scopes: SCOPES.longTaskRead,
  doc: `${DOCS.v1LongRunningTask}#api-wiki-rest-api-longtask-id-get`,
  handle(ctx) {
    const task = model(ctx).tasks.get(ctx.params.id ?? '');
    if (!task || !mayView(ctx, task)) throw notFound(`No long running task found with id: ${ctx.params.id ?? ''}`);
    return json(200, taskJson(ctx, task));
  },
};

const listTasks: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/longtask',
  family: 'v1',
  scopes: SCOPES.longTaskRead,
  doc: `${DOCS.v1LongRunningTask}#api-wiki-rest-api-longtask-get`,
  handle(ctx) {
    const page = readV1Page(ctx.query, LONG_TASK_PAGE);
    const tasks = model(ctx)
      .tasks.list()
      .filter((t) => mayView(ctx, t))
      .map((t) => taskJson(ctx, t));
    const out = v1Page(tasks, page, ctx);
    return json(200, { ...out, _links: { ...v1Links(ctx), ...out._links } });
  },
};

export const longTaskRoutes: Route[] = [deleteTree, copyTree, getTask, listTasks];
