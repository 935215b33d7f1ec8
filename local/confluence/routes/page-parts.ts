// v2 reads of what hangs on a page (and a blog post):
//   GET /wiki/api/v2/pages/{id}/children, /pages/{id}/descendants
//   GET /wiki/api/v2/{pages|blogposts}/{id}/labels, /footer-comments,
//       /inline-comments, /attachments
//   GET /wiki/api/v2/attachments/{id}
import {
  attachmentIdParam,
  contentIdParam,
  enumListParam,
  model,
  readableAttachment,
  readableBlogpost,
  readablePage,
  spaceOf,
  V2_ATTACHMENT_PAGE,
  V2_CONTENT_PAGE,
  v2Slice,
  where,
} from '../content/route-support';
import type { AttachmentRecord, CommentRecord, ContainerRecord, PageRecord } from '../content/records';
import { attachmentJson, childPageJson, commentJson, descendantJson, labelJson } from '../content/shapes';
import { json } from '../http';
import { enumParam, intParam } from '../query';
import type { Route, RouteContext } from '../router';
import { DOCS, SCOPES } from './docs';

/** getPageDescendants: depth 1..5 (default 5), limit 1..250 (default 25). */
export const DESCENDANT_DEPTH = { default: 5, max: 5 } as const;
const CHILD_SORTS = [
  'created-date',
  '-created-date',
  'id',
  '-id',
  'child-position',
  '-child-position',
  'modified-date',
  '-modified-date',
] as const;
const LABEL_SORTS = ['created-date', '-created-date', 'id', '-id', 'name', '-name'] as const;
const COMMENT_SORTS = ['created-date', '-created-date', 'modified-date', '-modified-date'] as const;
const ATTACHMENT_SORTS = COMMENT_SORTS;
const COMMENT_STATUSES = ['current', 'archived', 'trashed', 'deleted', 'historical', 'draft'] as const;
const ATTACHMENT_STATUSES = ['current', 'archived', 'trashed'] as const;
const LIST_BODY_FORMATS = ['storage', 'atlas_doc_format'] as const;

const byField = <T>(items: T[], key: (t: T) => string | number | bigint, desc: boolean): T[] =>
  [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return desc ? -c : c;
  });

const visibleChild = (ctx: RouteContext): ((p: PageRecord) => boolean) => {
  const canRead = model(ctx).access.reader(ctx.caller);
  return (p) => (p.status === 'current' || p.status === 'archived') && canRead(p);
};

const children: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/pages/{id}/children',
  family: 'v2',
  scopes: SCOPES.pageRead,
  doc: `${DOCS.v2Children}#api-pages-id-children-get`,
  handle(ctx) {
    const page = readablePage(ctx, contentIdParam(ctx.params.id));
    const sort = enumParam(ctx.query, 'sort', CHILD_SORTS) ?? 'child-position';
    const store = model(ctx).store;
    const desc = sort.startsWith('-');
    const field = desc ? sort.slice(1) : sort;
    const list = store.children(page.id);
    const ordered =
      field === 'child-position'
        ? desc
          ? [...list].reverse()
          : list
        : byField(
            list,
            (p) => (field === 'id' ? BigInt(p.id) : field === 'created-date' ? p.createdAt : p.updatedAt),
            desc,
          );
    const out = v2Slice(where(ordered, visibleChild(ctx)), ctx, V2_CONTENT_PAGE, (p) => childPageJson(store, p));
    return json(200, out.body, out.headers);
  },
};

const descendants: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/pages/{id}/descendants',
  family: 'v2',
  scopes: SCOPES.hierarchyRead,
  doc: `${DOCS.v2Descendants}#api-pages-id-descendants-get`,
  handle(ctx) {
    const page = readablePage(ctx, contentIdParam(ctx.params.id));
    const depth = intParam(ctx.query, 'depth', {
      default: DESCENDANT_DEPTH.default,
      min: 1,
      max: DESCENDANT_DEPTH.max,
      aboveMax: 'reject',
    });
    const store = model(ctx).store;
    const visible = visibleChild(ctx);
    // A hidden page hides its subtree too, so walk level by level from visible parents only.
    const shown = new Set<string>([page.id]);
    const rows = where(store.eachDescendant(page.id, depth), ({ page: p }) => {
      if (p.parentId === null || !shown.has(p.parentId) || !visible(p)) return false;
      shown.add(p.id);
      return true;
    });
    const out = v2Slice(rows, ctx, V2_CONTENT_PAGE, ({ page: p, depth: d }) => descendantJson(store, p, d));
    return json(200, out.body, out.headers);
  },
};

type ContainerKind = 'pages' | 'blogposts';

function container(ctx: RouteContext, kind: ContainerKind): ContainerRecord {
  const id = contentIdParam(ctx.params.id);
  return kind === 'pages' ? readablePage(ctx, id) : readableBlogpost(ctx, id);
}

const anchor = (kind: ContainerKind, part: string): string => `#api-${kind}-id-${part}-get`;

function labelsRoute(kind: ContainerKind): Route {
  return {
    method: 'GET',
    pattern: `/wiki/api/v2/${kind}/{id}/labels`,
    family: 'v2',
    scopes: SCOPES.pageRead,
    doc: `${DOCS.v2Label}${anchor(kind, 'labels')}`,
    handle(ctx) {
      const record = container(ctx, kind);
      const prefix = enumParam(ctx.query, 'prefix', ['my', 'team', 'global', 'system'] as const);
      const sort = enumParam(ctx.query, 'sort', LABEL_SORTS);
      const store = model(ctx).store;
      // Every label here is a global one; other prefixes find nothing.
      const names = prefix === undefined || prefix === 'global' ? record.labels : [];
      const desc = sort?.startsWith('-') ?? false;
      const ordered =
        sort === undefined || sort.endsWith('created-date')
          ? desc
            ? [...names].reverse()
            : names
          : byField(names, (n) => (sort.endsWith('name') ? n : Number(store.labelId(n))), desc);
      const out = v2Slice(ordered, ctx, V2_CONTENT_PAGE, (n) => labelJson(store, n));
      return json(200, out.body, out.headers);
    },
  };
}

function commentsRoute(kind: ContainerKind, which: 'footer' | 'inline'): Route {
  return {
    method: 'GET',
    pattern: `/wiki/api/v2/${kind}/{id}/${which}-comments`,
    family: 'v2',
    scopes: SCOPES.commentRead,
    doc: `${DOCS.v2Comment}${anchor(kind, `${which}-comments`)}`,
    handle(ctx) {
      const record = container(ctx, kind);
      const statuses = enumListParam(ctx.query, 'status', COMMENT_STATUSES, ['current']);
      const sort = enumParam(ctx.query, 'sort', COMMENT_SORTS) ?? 'created-date';
      const format = enumParam(ctx.query, 'body-format', LIST_BODY_FORMATS);
      const space = spaceOf(ctx, record);
      const list = model(ctx)
        .store.commentsOn(record.id, which)
        .filter((c) => (statuses as readonly string[]).includes(c.status));
      const ordered = byField(list, (c: CommentRecord) => c.createdAt, sort.startsWith('-'));
      const out = v2Slice(ordered, ctx, V2_CONTENT_PAGE, (c) =>
        commentJson(c, record, { spaceKey: space.key, bodyFormat: format }),
      );
      return json(200, out.body, out.headers);
    },
  };
}

function attachmentsRoute(kind: ContainerKind): Route {
  return {
    method: 'GET',
    pattern: `/wiki/api/v2/${kind}/{id}/attachments`,
    family: 'v2',
    scopes: SCOPES.attachmentRead,
    doc: `${DOCS.v2Attachment}${anchor(kind, 'attachments')}`,
    handle(ctx) {
      const record = container(ctx, kind);
      const statuses = enumListParam(ctx.query, 'status', ATTACHMENT_STATUSES, ['current', 'archived']);
      const mediaType = ctx.query.get('mediaType') ?? '';
      const filename = ctx.query.get('filename') ?? '';
      const sort = enumParam(ctx.query, 'sort', ATTACHMENT_SORTS);
      const space = spaceOf(ctx, record);
      const list = model(ctx)
        .store.attachmentsOn(record.id)
        .filter(
          (a) =>
            (statuses as readonly string[]).includes(a.status) &&
            (mediaType === '' || a.mediaType === mediaType) &&
            (filename === '' || a.title === filename),
        );
      const ordered =
        sort === undefined ? list : byField(list, (a: AttachmentRecord) => a.createdAt, sort.startsWith('-'));
      const out = v2Slice(ordered, ctx, V2_ATTACHMENT_PAGE, (a) => attachmentJson(a, { spaceKey: space.key }));
      return json(200, out.body, out.headers);
    },
  };
}

const attachmentById: Route = {
  method: 'GET',
  pattern: '/wiki/api/v2/attachments/{id}',
  family: 'v2',
  scopes: SCOPES.attachmentRead,
  doc: `${DOCS.v2Attachment}#api-attachments-id-get`,
  handle(ctx) {
    const { attachment } = readableAttachment(ctx, attachmentIdParam(ctx.params.id));
    const space = spaceOf(ctx, attachment);
    return json(200, attachmentJson(attachment, { spaceKey: space.key, base: `${ctx.baseUrl}/wiki` }));
  },
};

export const pagePartRoutes: Route[] = [
  children,
  descendants,
  ...(['pages', 'blogposts'] as const).flatMap((kind) => [
    labelsRoute(kind),
    commentsRoute(kind, 'footer'),
    commentsRoute(kind, 'inline'),
    attachmentsRoute(kind),
  ]),
  attachmentById,
];
