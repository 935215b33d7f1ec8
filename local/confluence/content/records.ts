// The content model's records: what the store holds for each piece of content.
import type { ContentStatus } from './schema';

export interface Principals {
  users: string[];
  groups: string[];
}

export interface Restrictions {
  read?: Principals;
  update?: Principals;
}

interface ContentCommon {
  id: string;
  spaceId: string;
  title: string;
  status: ContentStatus;
  authorId: string;
  createdAt: string;
  /** When the current version was made (version.createdAt); the creation time until something changes it. */
  updatedAt: string;
  versionNumber: number;
  body: string;
  /** Label names, in the order they were added. */
  labels: string[];
}

export interface PageRecord extends ContentCommon {
  type: 'page';
  parentId: string | null;
  restrictions?: Restrictions;
}

export interface BlogpostRecord extends ContentCommon {
  type: 'blogpost';
}

/** What attachments and comments hang on. */
export type ContainerRecord = PageRecord | BlogpostRecord;

export interface AttachmentRecord {
  id: string;
  containerId: string;
  containerType: 'page' | 'blogpost';
  spaceId: string;
  title: string;
  mediaType: string;
  fileSize: number;
  createdAt: string;
  status: ContentStatus;
  authorId: string;
  comment: string;
}

export interface CommentRecord {
  id: string;
  kind: 'footer' | 'inline';
  containerId: string;
  containerType: 'page' | 'blogpost';
  spaceId: string;
  authorId: string;
  createdAt: string;
  body: string;
  status: ContentStatus;
}

/** One change to the content, in the order it happened (tests read these). */
export type ContentChange =
  | { kind: 'create'; type: 'page' | 'blogpost'; id: string; spaceId: string }
  | { kind: 'status'; type: 'page' | 'blogpost' | 'attachment'; id: string; from: ContentStatus; to: ContentStatus }
  | { kind: 'purge'; type: 'page' | 'blogpost' | 'attachment'; id: string }
  | { kind: 'move'; id: string; from: string | null; to: string | null }
  | { kind: 'label-add' | 'label-remove'; id: string; label: string }
  | { kind: 'comment-delete'; id: string; containerId: string }
  | { kind: 'attachment-create'; id: string; containerId: string }
  | { kind: 'restrictions'; id: string }
  | { kind: 'update'; type: 'page'; id: string }
  | { kind: 'space-create'; spaceId: string; key: string };
