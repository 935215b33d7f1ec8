// v1 attachment upload and download:
//   POST /wiki/rest/api/content/{id}/child/attachment  (multipart/form-data, `file` parts, X-Atlassian-Token: nocheck)
//   GET  /wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download
//   GET  /wiki/download/attachments/{id}/{filename}    (the v2 `downloadLink`)
// Downloads answer `fileSize` deterministic bytes (content/shapes.ts).
import { parseMultipart } from '../content/multipart';
import { attachmentIdParam, model, readableContent, spaceOf, v1ContentId } from '../content/route-support';
import { attachmentBytes, downloadPath } from '../content/shapes';
import type { AttachmentRecord } from '../content/records';
import { ApiError, badRequest, json, notFound } from '../http';
import type { ConfluenceResponse } from '../http';
import { v1Links } from '../paging';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';

/** Tokens Confluence's XSRF check accepts on multipart posts. */
const XSRF_TOKENS = ['nocheck', 'no-check'];

function v1AttachmentJson(ctx: RouteContext, a: AttachmentRecord): Record<string, unknown> {
  const space = spaceOf(ctx, a);
  return {
    id: a.id,
    type: 'attachment',
    status: a.status,
    title: a.title,
    metadata: { mediaType: a.mediaType, comment: a.comment },
    extensions: { mediaType: a.mediaType, fileSize: a.fileSize, comment: a.comment },
    _links: {
      webui: `/spaces/${space.key}/pages/${a.containerId}/attachments/${a.id}`,
      download: downloadPath(a),
      self: `${ctx.baseUrl}/wiki/rest/api/content/${a.id}`,
    },
  };
}

const upload: Route = {
  method: 'POST',
  pattern: '/wiki/rest/api/content/{id}/child/attachment',
  family: 'v1',
  scopes: SCOPES.attachmentUpload,
  doc: `${DOCS.v1Attachments}#api-wiki-rest-api-content-id-child-attachment-post`,
  handle(ctx) {
    const token = Object.entries(ctx.req.headers).find(([k]) => k.toLowerCase() === 'x-atlassian-token')?.[1];
    if (token === undefined || !XSRF_TOKENS.includes(token.toLowerCase())) throw new ApiError(403, 'XSRF check failed');
    const m = model(ctx);
    const record = readableContent(ctx, v1ContentId(ctx.params.id));
    if (!m.access.holds(ctx.caller, record.spaceId, 'create/attachment') || !m.access.canUpdate(ctx.caller, record)) {
      throw new ApiError(403, `User not permitted to add attachments to content with id: ${record.id}`);
    }
    const contentType = Object.entries(ctx.req.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const form = parseMultipart(contentType, ctx.req.body ?? '');
    const files = form.files.filter((f) => f.field === 'file');
    if (files.length === 0) throw badRequest('The request has no `file` part.');
    const taken = m.store.attachmentsOn(record.id).filter((a) => a.status !== 'trashed');
    for (const f of files) {
      if (f.filename.trim() === '') throw badRequest('A `file` part has no filename.');
      if (taken.some((a) => a.title === f.filename)) {
        throw badRequest(`Cannot add a new attachment with same file name as an existing attachment: ${f.filename}`);
      }
    }
    const authorId = ctx.caller.kind === 'user' ? ctx.caller.accountId : ctx.site.appUser().accountId;
    const created = files.map((f) =>
      m.store.createAttachment(record, {
        title: f.filename,
        mediaType: f.mediaType,
        fileSize: f.size,
        authorId,
        createdAt: m.nowIso(),
        comment: form.fields.get('comment') ?? '',
      }),
    );
    return json(200, {
      results: created.map((a) => v1AttachmentJson(ctx, a)),
      start: 0,
      limit: created.length,
      size: created.length,
      _links: v1Links(ctx),
    });
  },
};

function bytes(a: AttachmentRecord): ConfluenceResponse {
  return {
    status: 200,
    headers: {
      'content-type': a.mediaType,
      'content-length': String(a.fileSize),
      'content-disposition': `attachment; filename="${encodeURIComponent(a.title)}"`,
    },
    body: attachmentBytes(a),
  };
}

const download: Route = {
  method: 'GET',
  pattern: '/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download',
  family: 'v1',
  scopes: SCOPES.attachmentDownload,
  doc: `${DOCS.v1Attachments}#api-wiki-rest-api-content-id-child-attachment-attachmentid-download-get`,
  handle(ctx) {
    const record = readableContent(ctx, v1ContentId(ctx.params.id));
    const a = model(ctx).store.attachment(attachmentIdParam(ctx.params.attachmentId, 'attachmentId'));
    if (!a || a.containerId !== record.id)
      throw notFound(`No attachment found with id: ${ctx.params.attachmentId ?? ''}`);
    return bytes(a);
  },
};

const downloadLink: Route = {
  method: 'GET',
  pattern: '/wiki/download/attachments/{id}/{filename}',
  family: 'v1',
  scopes: SCOPES.attachmentDownload,
  doc: `${DOCS.v2Attachment}#api-attachments-id-get`,
  handle(ctx) {
    const record = readableContent(ctx, v1ContentId(ctx.params.id));
    const a = model(ctx)
      .store.attachmentsOn(record.id)
      .find((x) => x.title === ctx.params.filename);
    if (!a) throw notFound(`No attachment named ${ctx.params.filename ?? ''} on content ${record.id}`);
    return bytes(a);
  },
};

export const attachmentFileRoutes: Route[] = [upload, download, downloadLink];
