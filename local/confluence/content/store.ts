// The content store: every page, blog post, attachment and comment of the
// site, indexed by id, by space and by parent so that a listing of a
// 10,000-page space touches only what it answers. Writes go through the
// methods here, which keep the indexes and the change log consistent.
import type { DirectorySpace, SiteDirectory } from '../schema';
import type {
  AttachmentRecord,
  BlogpostRecord,
  CommentRecord,
  ContainerRecord,
  ContentChange,
  PageRecord,
  Restrictions,
} from './records';
import { ListIndex, TitleIndex } from './indexes';
import { attachmentRecords, blogpostRecord, commentRecords, pageRecord } from './fixture-records';
import type { ContentStatus, FixtureBlogpost, FixturePage } from './schema';

const byNumericId = (a: string, b: string): number => {
  const x = BigInt(a.replace(/^att/, ''));
  const y = BigInt(b.replace(/^att/, ''));
  return x < y ? -1 : x > y ? 1 : 0;
};

const rootKey = (spaceId: string): string => `root:${spaceId}`;

export interface NewPage {
  spaceId: string;
  parentId: string | null;
  title: string;
  body: string;
  authorId: string;
  createdAt: string;
  labels?: string[];
  restrictions?: Restrictions;
}

export interface NewAttachment {
  title: string;
  mediaType: string;
  fileSize: number;
  authorId: string;
  createdAt: string;
  comment?: string;
}

export class ContentStore {
  private readonly containers = new Map<string, ContainerRecord>();
  private readonly pagesBySpace = new ListIndex();
  private readonly blogpostsBySpace = new ListIndex();
  /** Ordered child ids per parent page id, or per `root:<spaceId>` for top-level pages. */
  private readonly childIds = new ListIndex();
  private readonly attachmentsById = new Map<string, AttachmentRecord>();
  private readonly attachmentsOf = new ListIndex();
  private readonly commentsById = new Map<string, CommentRecord>();
  private readonly commentsOf = new ListIndex();
  /** Non-trashed page ids per space and folded title. */
  private readonly titles = new TitleIndex();
  /** Label ids are per name site-wide, as Confluence's labels are. */
  private readonly labelIds = new Map<string, string>();
  private nextId = 1;
  private nextLabelId = 1;
  /** Every write, in order. */
  readonly changes: ContentChange[] = [];

  constructor(directory: SiteDirectory) {
    let largest = 0n;
    const see = (id: string): void => {
      const n = BigInt(id.replace(/^att/, ''));
      if (n > largest) largest = n;
    };
    for (const space of directory.spaces) {
      for (const p of space.pages) this.load(space, p, 'page');
      for (const b of space.blogposts) this.load(space, b, 'blogpost');
      for (const item of [...space.pages, ...space.blogposts]) {
        see(item.id);
        item.attachments.forEach((a) => see(a.id));
        item.comments.forEach((c) => see(c.id));
      }
      this.orderFixtureChildren(space);
      // DESIGN section 5: without homepageId the home page is the first page without a parent.
      if (space.homepageId === undefined) {
        const first = space.pages.find((p) => p.parentId === null);
        if (first) space.homepageId = first.id;
      }
    }
    for (const list of [...this.pagesBySpace.values(), ...this.blogpostsBySpace.values()]) list.sort(byNumericId);
    this.nextId = Number(largest) + 1;
  }

  // ---- loading -----------------------------------------------------------

  private load(space: DirectorySpace, item: FixturePage | FixtureBlogpost, type: 'page' | 'blogpost'): void {
    this.indexContainer(type === 'page' ? pageRecord(space, item as FixturePage) : blogpostRecord(space, item));
    for (const a of attachmentRecords(space, item, type)) this.indexAttachment(a);
    for (const c of commentRecords(space, item, type)) this.indexComment(c);
  }

  /** Siblings with a `position` come first, by position; the rest keep fixture order. */
  private orderFixtureChildren(space: DirectorySpace): void {
    const position = new Map(space.pages.map((p, i) => [p.id, [p.position ?? Number.MAX_SAFE_INTEGER, i] as const]));
    const keys = new Set(space.pages.map((p) => p.parentId ?? rootKey(space.id)));
    for (const key of keys) {
      this.childIds.sort(key, (a, b) => {
        const [pa, ia] = position.get(a) ?? [0, 0];
        const [pb, ib] = position.get(b) ?? [0, 0];
        return pa - pb || ia - ib;
      });
    }
  }

  private indexContainer(record: ContainerRecord): void {
    this.containers.set(record.id, record);
    const bySpace = record.type === 'page' ? this.pagesBySpace : this.blogpostsBySpace;
    bySpace.push(record.spaceId, record.id);
    if (record.type === 'page') {
      this.childIds.push(record.parentId ?? rootKey(record.spaceId), record.id);
      if (record.status !== 'trashed') this.addTitle(record);
    }
  }

  private indexAttachment(a: AttachmentRecord): void {
    this.attachmentsById.set(a.id, a);
    this.attachmentsOf.push(a.containerId, a.id);
  }

  private indexComment(c: CommentRecord): void {
    this.commentsById.set(c.id, c);
    this.commentsOf.push(c.containerId, c.id);
  }

  private addTitle(p: PageRecord): void {
    this.titles.add(p.spaceId, p.title, p.id);
  }

  private dropTitle(p: PageRecord): void {
    this.titles.drop(p.spaceId, p.title, p.id);
  }

  newId(): string {
    const id = String(this.nextId);
    this.nextId += 1;
    return id;
  }

  // ---- reads -------------------------------------------------------------

  container(id: string): ContainerRecord | undefined {
    return this.containers.get(id);
  }

  page(id: string): PageRecord | undefined {
    const c = this.containers.get(id);
    return c?.type === 'page' ? c : undefined;
  }

  blogpost(id: string): BlogpostRecord | undefined {
    const c = this.containers.get(id);
    return c?.type === 'blogpost' ? c : undefined;
  }

  /** The space's pages, by id ascending. */
  pagesOf(spaceId: string): PageRecord[] {
    return this.pagesBySpace.get(spaceId).map((id) => this.containers.get(id) as PageRecord);
  }

  /** The space's pages, by id ascending, without building a list. */
  *eachPageOf(spaceId: string): Generator<PageRecord> {
    for (const id of this.pagesBySpace.get(spaceId)) yield this.containers.get(id) as PageRecord;
  }

  /** Descendants breadth-first, lazily (a listing page stops walking once it has what it answers). */
  *eachDescendant(pageId: string, maxDepth: number): Generator<{ page: PageRecord; depth: number }> {
    let level = [pageId];
    for (let depth = 1; depth <= maxDepth && level.length > 0; depth += 1) {
      const next: string[] = [];
      for (const parent of level) {
        for (const id of this.childIds.get(parent)) {
          const page = this.containers.get(id) as PageRecord;
          yield { page, depth };
          next.push(id);
        }
      }
      level = next;
    }
  }

  blogpostsOf(spaceId: string): BlogpostRecord[] {
    return this.blogpostsBySpace.get(spaceId).map((id) => this.containers.get(id) as BlogpostRecord);
  }

  /** Every page of the site, by id ascending. */
  allPages(): PageRecord[] {
    const out: PageRecord[] = [];
    for (const ids of this.pagesBySpace.values()) for (const id of ids) out.push(this.containers.get(id) as PageRecord);
    return out.sort((a, b) => byNumericId(a.id, b.id));
  }

  /** Child pages in sibling order (every status). */
  children(pageId: string): PageRecord[] {
    return this.childIds.get(pageId).map((id) => this.containers.get(id) as PageRecord);
  }

  /** Top-level pages of the space, in sibling order. */
  roots(spaceId: string): PageRecord[] {
    return this.children(rootKey(spaceId));
  }

  /** 0-based place among its siblings (v2 `position` / `childPosition`). */
  position(page: PageRecord): number {
    return this.childIds.get(page.parentId ?? rootKey(page.spaceId)).indexOf(page.id);
  }

  /** The page's ancestors, nearest first. */
  ancestors(page: PageRecord): PageRecord[] {
    const out: PageRecord[] = [];
    let up = page.parentId === null ? undefined : this.page(page.parentId);
    while (up) {
      out.push(up);
      up = up.parentId === null ? undefined : this.page(up.parentId);
    }
    return out;
  }

  /** A non-trashed page of the space with this title (any case), if any. */
  pageTitled(spaceId: string, title: string): PageRecord | undefined {
    const id = this.titles.first(spaceId, title);
    return id === undefined ? undefined : this.page(id);
  }

  attachment(id: string): AttachmentRecord | undefined {
    return this.attachmentsById.get(id);
  }

  attachmentsOn(containerId: string): AttachmentRecord[] {
    return this.attachmentsOf.get(containerId).map((id) => this.attachmentsById.get(id) as AttachmentRecord);
  }

  comment(id: string): CommentRecord | undefined {
    return this.commentsById.get(id);
  }

  commentsOn(containerId: string, kind?: 'footer' | 'inline'): CommentRecord[] {
    const all = this.commentsOf.get(containerId).map((id) => this.commentsById.get(id) as CommentRecord);
    return kind === undefined ? all : all.filter((c) => c.kind === kind);
  }

  labelId(name: string): string {
    let id = this.labelIds.get(name);
    if (id === undefined) {
      id = String(this.nextLabelId);
      this.nextLabelId += 1;
      this.labelIds.set(name, id);
    }
    return id;
  }

  // ---- writes ------------------------------------------------------------

  createPage(input: NewPage): PageRecord {
    const record: PageRecord = {
      type: 'page',
      id: this.newId(),
      spaceId: input.spaceId,
      title: input.title,
      status: 'current',
      authorId: input.authorId,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
      versionNumber: 1,
      body: input.body,
      labels: [...(input.labels ?? [])],
      parentId: input.parentId,
      ...(input.restrictions ? { restrictions: structuredClone(input.restrictions) } : {}),
    };
    this.indexContainer(record);
    this.changes.push({ kind: 'create', type: 'page', id: record.id, spaceId: record.spaceId });
    return record;
  }

  createBlogpost(input: Omit<NewPage, 'parentId' | 'restrictions'>): BlogpostRecord {
    const record: BlogpostRecord = {
      type: 'blogpost',
      id: this.newId(),
      spaceId: input.spaceId,
      title: input.title,
      status: 'current',
      authorId: input.authorId,
      createdAt: input.createdAt,
      updatedAt: input.createdAt,
      versionNumber: 1,
      body: input.body,
      labels: [...(input.labels ?? [])],
    };
    this.indexContainer(record);
    this.changes.push({ kind: 'create', type: 'blogpost', id: record.id, spaceId: record.spaceId });
    return record;
  }

  setStatus(record: ContainerRecord, status: ContentStatus, at: string): void {
    if (record.status === status) return;
    const from = record.status;
    if (record.type === 'page') {
      if (status === 'trashed') this.dropTitle(record);
      else if (from === 'trashed') this.addTitle(record);
    }
    record.status = status;
    record.updatedAt = at;
    this.changes.push({ kind: 'status', type: record.type, id: record.id, from, to: status });
  }

  /** A new version of a page: its title and body (the title index follows), version number + 1. */
  revise(page: PageRecord, change: { title: string; body: string }, at: string): void {
    if (page.status !== 'trashed') this.dropTitle(page);
    page.title = change.title;
    page.body = change.body;
    if (page.status !== 'trashed') this.addTitle(page);
    page.versionNumber += 1;
    page.updatedAt = at;
    this.changes.push({ kind: 'update', type: 'page', id: page.id });
  }

  /** Moves a page under another parent (or to the top level), at the end of its new siblings. */
  move(page: PageRecord, parentId: string | null): void {
    if (page.parentId === parentId) return;
    const from = page.parentId;
    this.childIds.remove(from ?? rootKey(page.spaceId), page.id);
    page.parentId = parentId;
    this.childIds.push(parentId ?? rootKey(page.spaceId), page.id);
    this.changes.push({ kind: 'move', id: page.id, from, to: parentId });
  }

  /** Gone for good, with its attachments and comments. Children must have been moved or purged first. */
  purge(record: ContainerRecord): void {
    for (const a of this.attachmentsOn(record.id)) this.attachmentsById.delete(a.id);
    this.attachmentsOf.delete(record.id);
    for (const c of this.commentsOn(record.id)) this.commentsById.delete(c.id);
    this.commentsOf.delete(record.id);
    this.containers.delete(record.id);
    (record.type === 'page' ? this.pagesBySpace : this.blogpostsBySpace).remove(record.spaceId, record.id);
    if (record.type === 'page') {
      this.childIds.remove(record.parentId ?? rootKey(record.spaceId), record.id);
      this.dropTitle(record);
    }
    this.changes.push({ kind: 'purge', type: record.type, id: record.id });
  }

  addLabel(record: ContainerRecord, name: string): boolean {
    if (record.labels.includes(name)) return false;
    record.labels.push(name);
    this.changes.push({ kind: 'label-add', id: record.id, label: name });
    return true;
  }

  removeLabel(record: ContainerRecord, name: string): boolean {
    const i = record.labels.indexOf(name);
    if (i < 0) return false;
    record.labels.splice(i, 1);
    this.changes.push({ kind: 'label-remove', id: record.id, label: name });
    return true;
  }

  deleteComment(comment: CommentRecord): void {
    this.commentsById.delete(comment.id);
    this.commentsOf.remove(comment.containerId, comment.id);
    this.changes.push({ kind: 'comment-delete', id: comment.id, containerId: comment.containerId });
  }

  setAttachmentStatus(a: AttachmentRecord, status: ContentStatus): void {
    if (a.status === status) return;
    this.changes.push({ kind: 'status', type: 'attachment', id: a.id, from: a.status, to: status });
    a.status = status;
  }

  purgeAttachment(a: AttachmentRecord): void {
    this.attachmentsById.delete(a.id);
    this.attachmentsOf.remove(a.containerId, a.id);
    this.changes.push({ kind: 'purge', type: 'attachment', id: a.id });
  }

  createAttachment(container: ContainerRecord, input: NewAttachment): AttachmentRecord {
    const a: AttachmentRecord = {
      id: `att${this.newId()}`,
      containerId: container.id,
      containerType: container.type,
      spaceId: container.spaceId,
      title: input.title,
      mediaType: input.mediaType,
      fileSize: input.fileSize,
      createdAt: input.createdAt,
      status: 'current',
      authorId: input.authorId,
      comment: input.comment ?? '',
    };
    this.indexAttachment(a);
    this.changes.push({ kind: 'attachment-create', id: a.id, containerId: container.id });
    return a;
  }

  setRestrictions(page: PageRecord, restrictions: Restrictions | undefined): void {
    if (restrictions === undefined) delete page.restrictions;
    else page.restrictions = structuredClone(restrictions);
    this.changes.push({ kind: 'restrictions', id: page.id });
  }
}
