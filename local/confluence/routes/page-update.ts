// v2 PUT /wiki/api/v2/pages/{id}: a new version of a page (title and body).
// Copy Space gives the new space's home page the source home page's title
// and body with it. Reference: v2 "Page" group, "Update page"
// (`#api-pages-id-put`): the body carries `id`, `status`, `title`, `body`
// and `version.number`, which must be the current number + 1 (409
// otherwise); a title taken by another page of the space answers 400.
// Scope: write:page:confluence.
import { z } from 'zod';
import { jsonBody } from '../content/body';
import { contentIdParam, model, readablePage, spaceOf } from '../content/route-support';
import { pageJson } from '../content/shapes';
import { ApiError, badRequest, json } from '../http';
import type { Route } from '../router';
import { TITLE_CLASH_MESSAGE, MAX_TITLE_LENGTH } from './content-writes';
import { DOCS, SCOPES } from './docs';

const UpdatePage = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  status: z.enum(['current', 'draft']),
  title: z.string(),
  body: z.object({ representation: z.enum(['storage', 'atlas_doc_format', 'wiki']), value: z.string() }),
  version: z.object({ number: z.number().int(), message: z.string().optional() }),
});

const updatePage: Route = {
  method: 'PUT',
  pattern: '/wiki/api/v2/pages/{id}',
  family: 'v2',
  scopes: SCOPES.pageWrite,
  doc: `${DOCS.v2Page}#api-pages-id-put`,
  handle(ctx) {
    const m = model(ctx);
    const page = readablePage(ctx, contentIdParam(ctx.params.id));
    const input = jsonBody(ctx, UpdatePage);
    if (input.id !== page.id) throw badRequest(`The id in the body (${input.id}) is not the page's id (${page.id}).`);
    if (input.status === 'draft') throw badRequest('Drafts are not emulated: update the page with status current.');
    if (page.status === 'trashed') throw badRequest(`The page ${page.id} is in the trash.`);
    if (!m.access.canUpdate(ctx.caller, page)) {
      throw new ApiError(403, `User not permitted to edit content with id: ${page.id}`);
    }
    if (input.version.number !== page.versionNumber + 1) {
      throw new ApiError(
        409,
        `Version must be incremented on update. Current version is: ${page.versionNumber}, given: ${input.version.number}`,
      );
    }
    const title = input.title.trim();
    if (title === '') throw badRequest('Title is required for a page that is not a draft.');
    if (title.length > MAX_TITLE_LENGTH) throw badRequest(`Title must be at most ${MAX_TITLE_LENGTH} characters.`);
    const holder = m.store.pageTitled(page.spaceId, title);
    if (holder && holder.id !== page.id) throw badRequest(TITLE_CLASH_MESSAGE);
    m.store.revise(page, { title, body: input.body.value }, m.nowIso());
    return json(
      200,
      pageJson(m.store, page, { spaceKey: spaceOf(ctx, page).key, bodyFormat: 'storage', base: `${ctx.baseUrl}/wiki` }),
    );
  },
};

export const pageUpdateRoutes: Route[] = [updatePage];
