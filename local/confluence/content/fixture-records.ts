// Turning the fixture's content (schema.ts) into the store's records
// (records.ts): defaults filled in, labels folded to lower case once.
import type { DirectorySpace } from '../schema';
import type { AttachmentRecord, BlogpostRecord, CommentRecord, PageRecord } from './records';
import type { FixtureBlogpost, FixturePage } from './schema';

const labelsOf = (labels: string[]): string[] => [...new Set(labels.map((l) => l.toLowerCase()))];

export function pageRecord(space: DirectorySpace, p: FixturePage): PageRecord {
  return {
    type: 'page',
    id: p.id,
    spaceId: space.id,
    title: p.title,
    status: p.status,
    authorId: p.authorId,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    versionNumber: 1,
    body: p.body ?? '',
    labels: labelsOf(p.labels),
    parentId: p.parentId,
    ...(p.restrictions ? { restrictions: structuredClone(p.restrictions) } : {}),
  };
}

export function blogpostRecord(space: DirectorySpace, b: FixtureBlogpost): BlogpostRecord {
  return {
    type: 'blogpost',
    id: b.id,
    spaceId: space.id,
    title: b.title,
    status: b.status,
    authorId: b.authorId,
    createdAt: b.createdAt,
    updatedAt: b.createdAt,
    versionNumber: 1,
    body: b.body ?? '',
    labels: labelsOf(b.labels),
  };
}

/** The attachments of a page or blog post; an attachment without an author was added by the content's author. */
export function attachmentRecords(
  space: DirectorySpace,
  item: FixturePage | FixtureBlogpost,
  type: 'page' | 'blogpost',
): AttachmentRecord[] {
  return item.attachments.map((a) => ({
    id: a.id,
    containerId: item.id,
    containerType: type,
    spaceId: space.id,
    title: a.title,
    mediaType: a.mediaType,
    fileSize: a.fileSize,
    createdAt: a.createdAt,
    status: a.status,
    authorId: a.authorId ?? item.authorId,
    comment: a.comment ?? '',
  }));
}

export function commentRecords(
  space: DirectorySpace,
  item: FixturePage | FixtureBlogpost,
  type: 'page' | 'blogpost',
): CommentRecord[] {
  return item.comments.map((c) => ({ ...c, containerId: item.id, containerType: type, spaceId: space.id }));
}
