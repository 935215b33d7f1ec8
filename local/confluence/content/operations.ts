// Content writes shared by several routes (v2 DELETE, pageTree delete,
// hierarchy copy), so the rules for trashing and purging live in one place.
import type { ContentModel } from './model';
import type { ContainerRecord, PageRecord } from './records';

/**
 * Moves a page or blog post to the trash. A trashed page's children move up
 * to its parent, as Confluence does when one page is deleted.
 */
export function trash(model: ContentModel, record: ContainerRecord): void {
  if (record.type === 'page') {
    for (const child of model.store.children(record.id).filter((c) => c.status !== 'trashed')) {
      model.store.move(child, record.parentId);
    }
  }
  model.store.setStatus(record, 'trashed', model.nowIso());
}

/** Gone for good, with its attachments and comments; trashed children stay in the trash under its parent. */
export function purge(model: ContentModel, record: ContainerRecord): void {
  if (record.type === 'page') {
    for (const child of model.store.children(record.id)) model.store.move(child, record.parentId);
  }
  model.store.purge(record);
}

/** The page and its descendants, parents before children, in sibling order (pre-order). */
export function subtree(model: ContentModel, root: PageRecord): PageRecord[] {
  const out: PageRecord[] = [];
  const visit = (page: PageRecord): void => {
    out.push(page);
    for (const child of model.store.children(page.id)) visit(child);
  };
  visit(root);
  return out;
}
