// Planning the two page-tree long tasks: delete a tree (to the trash) and
// copy a tree under another page. Pages the caller cannot see are skipped
// (with a warning), as they are invisible to them; a copy keeps the tree's
// shape and sibling order and renames titles that clash at the destination.
import type { Caller } from '../site';
import type { LongTask, TaskMessage } from './long-tasks';
import type { ContentModel } from './model';
import { subtree, trash } from './operations';
import type { PageRecord } from './records';

export const DELETE_TREE_TASK = 'delete-page-tree';
export const COPY_TREE_TASK = 'copy-page-hierarchy';

const ownerOf = (model: ContentModel, caller: Caller): string =>
  caller.kind === 'user' ? caller.accountId : model.site.appUser().accountId;

/** Pages of the tree the caller can see; a hidden page hides its subtree. */
function visibleTree(model: ContentModel, caller: Caller, root: PageRecord): { pages: PageRecord[]; hidden: number } {
  const pages: PageRecord[] = [];
  const shown = new Set<string>();
  let hidden = 0;
  for (const page of subtree(model, root)) {
    const parentShown = page.id === root.id || (page.parentId !== null && shown.has(page.parentId));
    if (parentShown && page.status !== 'trashed' && model.access.canRead(caller, page)) {
      shown.add(page.id);
      pages.push(page);
    } else if (page.status !== 'trashed') {
      hidden += 1;
    }
  }
  return { pages, hidden };
}

export function startTreeDelete(model: ContentModel, caller: Caller, root: PageRecord): LongTask {
  const { pages } = visibleTree(model, caller, root);
  const deletable = pages.filter((p) => model.access.canDelete(caller, p));
  const skipped = pages.filter((p) => !model.access.canDelete(caller, p));
  const messages: TaskMessage[] = skipped.map((p) => ({
    key: 'WARN_IGNORE_DELETE_PAGE',
    translation: `Page "${p.title}" was not deleted: you may not delete it`,
    args: [p.id, p.title],
  }));
  // Children before parents, so each step trashes a page whose kept children already moved up.
  const order = [...deletable].reverse();
  return model.tasks.start({
    name: { key: DELETE_TREE_TASK, args: [root.id] },
    ownerId: ownerOf(model, caller),
    messages,
    steps: order.map((page) => () => {
      if (page.status !== 'trashed') trash(model, page);
    }),
    finish: (task) => {
      task.messages.push({
        key: 'STATUS_DELETED_PAGES',
        translation: `Deleted ${order.length} pages`,
        args: [order.length],
      });
    },
  });
}

export interface CopyOptions {
  copyAttachments: boolean;
  copyPermissions: boolean;
  copyLabels: boolean;
  copyProperties: boolean;
  copyCustomContents: boolean;
  copyDescendants: boolean;
  titleOptions: { prefix?: string | undefined; search?: string | undefined; replace?: string | undefined };
}

export function copiedTitle(title: string, opts: CopyOptions['titleOptions']): string {
  let out = title;
  if (opts.search !== undefined && opts.search !== '') out = out.split(opts.search).join(opts.replace ?? '');
  return `${opts.prefix ?? ''}${out}`;
}

/** A free title in the space: the wanted one, else "wanted (1)", "(2)", ... (a guess at Confluence's renaming). */
function freeTitle(model: ContentModel, spaceId: string, wanted: string): string {
  if (!model.store.pageTitled(spaceId, wanted)) return wanted;
  for (let n = 1; ; n += 1) {
    const candidate = `${wanted} (${n})`;
    if (!model.store.pageTitled(spaceId, candidate)) return candidate;
  }
}

export function startTreeCopy(
  model: ContentModel,
  caller: Caller,
  root: PageRecord,
  destination: PageRecord,
  opts: CopyOptions,
): LongTask {
  const all = visibleTree(model, caller, root);
  const pages = opts.copyDescendants ? all.pages : all.pages.slice(0, 1);
  const hidden = opts.copyDescendants ? all.hidden : 0;
  const messages: TaskMessage[] = [];
  if (hidden > 0) {
    messages.push({
      key: 'WARN_IGNORE_COPY_PAGE',
      translation: `${hidden} pages were not copied because you cannot see them`,
      args: [hidden],
    });
  }
  const mayRestrict = model.access.holds(caller, destination.spaceId, 'restrict_content/space');
  const restricted = pages.filter((p) => p.restrictions !== undefined);
  if (opts.copyPermissions && !mayRestrict && restricted.length > 0) {
    messages.push({
      key: 'WARN_IGNORE_COPY_PERMISSION',
      translation: `Restrictions of ${restricted.length} pages were not copied: you may not restrict content in the destination space`,
      args: restricted.map((p) => p.id),
    });
  }
  const copyOf = new Map<string, string>();
  const authorId = ownerOf(model, caller);
  const steps = pages.map((source) => (task: LongTask) => {
    const parentId = source.id === root.id ? destination.id : copyOf.get(source.parentId ?? '');
    if (parentId === undefined) throw new Error(`parent of ${source.id} was not copied`);
    const wanted = copiedTitle(source.title, opts.titleOptions);
    const title = freeTitle(model, destination.spaceId, wanted);
    if (title !== wanted) {
      task.messages.push({
        key: 'WARN_RENAME_PAGE',
        translation: `Page "${wanted}" was renamed to "${title}" because a page with that title already exists`,
        args: [wanted, title],
      });
    }
    const copy = model.store.createPage({
      spaceId: destination.spaceId,
      parentId,
      title,
      body: source.body,
      authorId,
      createdAt: model.nowIso(),
      labels: opts.copyLabels ? source.labels : [],
      ...(opts.copyPermissions && mayRestrict && source.restrictions ? { restrictions: source.restrictions } : {}),
    });
    copyOf.set(source.id, copy.id);
    if (source.id === root.id) {
      task.additionalDetails.destinationId = copy.id;
      task.additionalDetails.destinationUrl = `/wiki/spaces/${model.site.space(copy.spaceId)?.key ?? ''}/pages/${copy.id}`;
    }
    if (opts.copyAttachments) {
      for (const a of model.store.attachmentsOn(source.id).filter((x) => x.status !== 'trashed')) {
        model.store.createAttachment(copy, {
          title: a.title,
          mediaType: a.mediaType,
          fileSize: a.fileSize,
          authorId,
          createdAt: model.nowIso(),
          comment: a.comment,
        });
      }
    }
  });
  return model.tasks.start({
    name: { key: COPY_TREE_TASK, args: [root.id, destination.id] },
    ownerId: authorId,
    messages,
    steps,
    additionalDetails: { totalPageNeedToCopy: pages.length },
    finish: (task) => {
      task.messages.push({
        key: 'STATUS_COPIED_PAGES',
        translation: `Copied ${copyOf.size} pages`,
        args: [copyOf.size],
      });
    },
  });
}
