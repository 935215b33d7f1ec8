// CQL content search for /wiki/rest/api/search: `type = page AND space = "KEY"
// AND title ~ "text"` and the like, over the emulated content store. The
// search route hands a query here when it asks for content (`type` = page or
// blogpost) instead of spaces. Reference: v1 "Search content by CQL"
// (GET /wiki/rest/api/search), whose results carry `content` (v1 Content)
// with `title`, `url`, `resultGlobalContainer`, `breadcrumbs`, `entityType`.
// Guesses, as the emulator cannot copy Confluence's search engine:
// - `title ~` is a case-insensitive substring match (Confluence stems words);
// - results come in title order unless ORDER BY says otherwise (Confluence
//   orders by relevance);
// - only current content is found, as Confluence's CQL does by default;
// - `expand=content.ancestors` adds the ancestors (root first), as content's
//   own `ancestors` expansion does;
// - `expand=content.space` adds the space (id, key, name, type, status), as
//   content's own `space` expansion does (it is listed in `_expandable`).
import type { CqlExpr, EvalContext, FieldSpec, Operator } from './cql';
import { matches } from './cql';
import type { ContainerRecord } from './content/records';
import type { RouteContext } from './router';

const EQUALITY: readonly Operator[] = ['=', '!=', 'in', 'not in'];
const TEXT: readonly Operator[] = ['~', '!~', '=', '!='];

/** The content types this emulator searches. */
const CONTENT_TYPES = new Set(['page', 'blogpost']);

export function contentFields(ctx: RouteContext): Record<string, FieldSpec<ContainerRecord>> {
  const spaceKey = (r: ContainerRecord) => ctx.site.space(r.spaceId)?.key ?? '';
  const store = ctx.site.content.store;
  const ancestors = (r: ContainerRecord) => (r.type === 'page' ? store.ancestors(r).map((a) => a.id) : []);
  return {
    type: { ops: EQUALITY, values: (r) => [r.type] },
    space: { ops: EQUALITY, values: (r) => [spaceKey(r)] },
    'space.key': { ops: EQUALITY, values: (r) => [spaceKey(r)] },
    'space.id': { ops: EQUALITY, values: (r) => [r.spaceId] },
    id: { ops: EQUALITY, values: (r) => [r.id] },
    content: { ops: EQUALITY, values: (r) => [r.id] },
    title: { ops: TEXT, values: (r) => [r.title] },
    label: { ops: EQUALITY, values: (r) => r.labels },
    parent: { ops: EQUALITY, values: (r) => (r.type === 'page' && r.parentId !== null ? [r.parentId] : []) },
    ancestor: { ops: EQUALITY, values: ancestors },
    creator: { ops: EQUALITY, values: (r) => [r.authorId] },
    created: { ops: ['>', '>=', '<', '<=', '=', '!='], values: (r) => [r.createdAt] },
  };
}

/** Does the query ask for content? It does when a `type` clause names page or blogpost. */
export function isContentQuery(expr: CqlExpr): boolean {
  switch (expr.kind) {
    case 'clause':
      return (
        expr.field === 'type' && expr.values.some((v) => v.kind === 'text' && CONTENT_TYPES.has(v.text.toLowerCase()))
      );
    case 'not':
      return isContentQuery(expr.expr);
    default:
      return isContentQuery(expr.left) || isContentQuery(expr.right);
  }
}

/** Current pages and blog posts the caller may read that match, in title order. */
export function findContent(ctx: RouteContext, expr: CqlExpr, ev: EvalContext): ContainerRecord[] {
  const store = ctx.site.content.store;
  const canRead = ctx.site.content.access.reader(ctx.caller);
  const fields = contentFields(ctx);
  const found: ContainerRecord[] = [];
  for (const space of ctx.site.spaces()) {
    for (const record of [...store.pagesOf(space.id), ...store.blogpostsOf(space.id)]) {
      if (record.status === 'current' && canRead(record) && matchesWithDates(expr, record, fields, ev)) {
        found.push(record);
      }
    }
  }
  return found.sort((a, b) => a.title.localeCompare(b.title));
}

/** `created >= "2025-01-01"`: ISO dates compare as strings; the shared evaluator knows only text operators. */
function matchesWithDates(
  expr: CqlExpr,
  record: ContainerRecord,
  fields: Record<string, FieldSpec<ContainerRecord>>,
  ev: EvalContext,
): boolean {
  switch (expr.kind) {
    case 'and':
      return matchesWithDates(expr.left, record, fields, ev) && matchesWithDates(expr.right, record, fields, ev);
    case 'or':
      return matchesWithDates(expr.left, record, fields, ev) || matchesWithDates(expr.right, record, fields, ev);
    case 'not':
      return !matchesWithDates(expr.expr, record, fields, ev);
    case 'clause': {
      if (!['>', '>=', '<', '<='].includes(expr.op)) return matches(expr, record, fields, ev);
      const have = fields[expr.field]?.values(record)[0] ?? '';
      const wanted = expr.values[0]?.kind === 'text' ? expr.values[0].text : '';
      const cmp = have.localeCompare(wanted);
      return expr.op === '>' ? cmp > 0 : expr.op === '>=' ? cmp >= 0 : expr.op === '<' ? cmp < 0 : cmp <= 0;
    }
  }
}

/** One search result for a page or blog post (SearchResult with v1 Content). */
export function contentResultJson(
  ctx: RouteContext,
  record: ContainerRecord,
  expand: Set<string>,
): Record<string, unknown> {
  const space = ctx.site.space(record.spaceId);
  const key = space?.key ?? '';
  const webui =
    record.type === 'page'
      ? `/spaces/${key}/pages/${record.id}/${encodeURIComponent(record.title.replace(/\s+/g, '+'))}`
      : `/spaces/${key}/blog/${record.id}`;
  const content: Record<string, unknown> = {
    id: record.id,
    type: record.type,
    status: record.status,
    title: record.title,
    _links: { webui, self: `${ctx.baseUrl}/wiki/rest/api/content/${record.id}`, tinyui: `/x/${record.id}` },
    _expandable: { space: `/rest/api/space/${key}`, history: '', version: '', ancestors: '' },
  };
  if (expand.has('content.ancestors')) {
    // The store lists the nearest ancestor first; Confluence lists the root first.
    const ancestors = record.type === 'page' ? [...ctx.site.content.store.ancestors(record)].reverse() : [];
    content.ancestors = ancestors.map((a) => ({ id: a.id, type: a.type, status: a.status, title: a.title }));
  }
  if (expand.has('content.space') && space) {
    content.space = { id: Number(space.id), key: space.key, name: space.name, type: space.type, status: space.status };
  }
  return {
    content,
    title: record.title,
    excerpt: '',
    url: webui,
    resultGlobalContainer: { title: space?.name ?? key, displayUrl: `/spaces/${key}` },
    breadcrumbs: [],
    entityType: 'content',
    iconCssClass: record.type === 'page' ? 'aui-icon content-type-page' : 'aui-icon content-type-blogpost',
    lastModified: record.updatedAt,
    friendlyLastModified: record.updatedAt.slice(0, 10),
    score: 0,
  };
}
