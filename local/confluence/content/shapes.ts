// JSON shapes of content, as the v2 reference (PageBulk/PageSingle,
// BlogPostBulk, ChildPage, descendants, Label, PageCommentModel,
// PageInlineCommentModel, AttachmentBulk) and v1 (Label) show them.
import type { AttachmentRecord, CommentRecord, ContainerRecord, PageRecord } from './records';
import type { ContentStore } from './store';

function version(createdAt: string, number: number, authorId: string): Record<string, unknown> {
  return { createdAt, message: '', number, minorEdit: false, authorId };
}

function webui(record: ContainerRecord, spaceKey: string): string {
  return record.type === 'page'
    ? `/spaces/${spaceKey}/pages/${record.id}/${encodeURIComponent(record.title.replace(/\s+/g, '+'))}`
    : `/spaces/${spaceKey}/blog/${record.createdAt.slice(0, 10).replace(/-/g, '/')}/${record.id}`;
}

export interface ContentShapeOptions {
  spaceKey: string;
  /** `body-format=storage` asks for the storage body; otherwise `body` is {}. */
  bodyFormat?: 'storage' | 'atlas_doc_format' | undefined;
  /** Single-item answers carry `_links.base`. */
  base?: string;
}

function body(record: ContainerRecord | CommentRecord, format: ContentShapeOptions['bodyFormat']): unknown {
  if (format === 'storage') return { storage: { representation: 'storage', value: record.body } };
  if (format === 'atlas_doc_format') {
    // The emulator keeps storage format only; ADF is a minimal document wrapping it as text.
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: record.body }] }],
    };
    return { atlas_doc_format: { representation: 'atlas_doc_format', value: JSON.stringify(doc) } };
  }
  return {};
}

/** v2 Page (PageBulk; PageSingle with `base`). */
export function pageJson(store: ContentStore, page: PageRecord, opts: ContentShapeOptions): Record<string, unknown> {
  const links: Record<string, string> = {
    webui: webui(page, opts.spaceKey),
    editui: `/pages/resumedraft.action?draftId=${page.id}`,
    tinyui: `/x/${Buffer.from(page.id).toString('base64url')}`,
  };
  if (opts.base) links.base = opts.base;
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    parentId: page.parentId,
    parentType: page.parentId === null ? null : 'page',
    position: store.position(page),
    authorId: page.authorId,
    ownerId: page.authorId,
    lastOwnerId: null,
    createdAt: page.createdAt,
    version: version(page.updatedAt, page.versionNumber, page.authorId),
    body: body(page, opts.bodyFormat),
    _links: links,
  };
}

/** v2 BlogPost (BlogPostBulk; BlogPostSingle with `base`). */
export function blogpostJson(record: ContainerRecord, opts: ContentShapeOptions): Record<string, unknown> {
  const links: Record<string, string> = {
    webui: webui(record, opts.spaceKey),
    editui: `/pages/resumedraft.action?draftId=${record.id}`,
    tinyui: `/x/${Buffer.from(record.id).toString('base64url')}`,
  };
  if (opts.base) links.base = opts.base;
  return {
    id: record.id,
    status: record.status,
    title: record.title,
    spaceId: record.spaceId,
    authorId: record.authorId,
    createdAt: record.createdAt,
    version: version(record.updatedAt, record.versionNumber, record.authorId),
    body: body(record, opts.bodyFormat),
    _links: links,
  };
}

/** v2 ChildPage. */
export function childPageJson(store: ContentStore, page: PageRecord): Record<string, unknown> {
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    childPosition: store.position(page),
  };
}

/** v2 descendant: {id, status, title, type, parentId, depth, childPosition}. */
export function descendantJson(store: ContentStore, page: PageRecord, depth: number): Record<string, unknown> {
  return {
    id: page.id,
    status: page.status,
    title: page.title,
    type: 'page',
    parentId: page.parentId,
    depth,
    childPosition: store.position(page),
  };
}

/** v2 Label. */
export function labelJson(store: ContentStore, name: string): Record<string, unknown> {
  return { id: store.labelId(name), name, prefix: 'global' };
}

/** v1 Label (LabelArray results). */
export function v1LabelJson(store: ContentStore, name: string): Record<string, unknown> {
  return { prefix: 'global', name, id: store.labelId(name), label: name };
}

/** v2 PageCommentModel / PageInlineCommentModel (and the blog post variants). */
export function commentJson(
  comment: CommentRecord,
  container: ContainerRecord,
  opts: ContentShapeOptions,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: comment.id,
    status: comment.status,
    title: `Re: ${container.title}`,
    [container.type === 'page' ? 'pageId' : 'blogPostId']: container.id,
    version: version(comment.createdAt, 1, comment.authorId),
    body: body(comment, opts.bodyFormat),
  };
  if (comment.kind === 'inline') {
    out.resolutionStatus = 'open';
    out.properties = { inlineMarkerRef: `marker-${comment.id}`, inlineOriginalSelection: '' };
  }
  out._links = { webui: `${webui(container, opts.spaceKey)}?focusedCommentId=${comment.id}` };
  return out;
}

const MEDIA_DESCRIPTIONS: Record<string, string> = {
  'image/png': 'PNG Image',
  'image/jpeg': 'JPEG Image',
  'image/gif': 'GIF Image',
  'image/svg+xml': 'SVG Image',
  'application/pdf': 'PDF Document',
  'text/plain': 'Text File',
  'text/csv': 'CSV File',
  'application/zip': 'ZIP Archive',
  'video/mp4': 'MP4 Video',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word Document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel Spreadsheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint Presentation',
};

/** Where the attachment's bytes are, relative to /wiki (v2 `downloadLink`). */
export function downloadPath(a: AttachmentRecord): string {
  return `/download/attachments/${a.containerId}/${encodeURIComponent(a.title)}?version=1&api=v2`;
}

/** v2 Attachment (AttachmentBulk; AttachmentSingle with `base`). */
export function attachmentJson(
  a: AttachmentRecord,
  opts: { spaceKey: string; base?: string },
): Record<string, unknown> {
  const webuiLink = `/spaces/${opts.spaceKey}/pages/${a.containerId}/attachments/${a.id}`;
  const links: Record<string, string> = { webui: webuiLink, download: downloadPath(a) };
  if (opts.base) links.base = opts.base;
  return {
    id: a.id,
    status: a.status,
    title: a.title,
    createdAt: a.createdAt,
    [a.containerType === 'page' ? 'pageId' : 'blogPostId']: a.containerId,
    mediaType: a.mediaType,
    mediaTypeDescription: MEDIA_DESCRIPTIONS[a.mediaType] ?? 'File',
    comment: a.comment,
    fileId: `file-${a.id.replace(/^att/, '')}`,
    fileSize: a.fileSize,
    webuiLink,
    downloadLink: downloadPath(a),
    version: version(a.createdAt, 1, a.authorId),
    _links: links,
  };
}

/**
 * The bytes of a download: `fileSize` bytes, the same every time for the same
 * attachment (printable ASCII, so a string body carries them byte for byte).
 */
export function attachmentBytes(a: AttachmentRecord): string {
  const seed = `${a.id}:${a.title}\n`;
  return seed.repeat(Math.ceil(a.fileSize / seed.length)).slice(0, a.fileSize);
}
