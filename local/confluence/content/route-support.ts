// Pieces the content routes share: id parameters, finding content the caller
// may see (404 otherwise, as Confluence answers), multi-value enum filters,
// and v2 paging over a lazy sequence so a 10,000-page space answers a page of
// 25 without building 10,000 JSON objects.
import { badRequest, notFound } from '../http';
import { decodeCursor, encodeCursor, wikiBase, type LinkContext } from '../paging';
import { intParam, listParam } from '../query';
import type { RouteContext } from '../router';
import type { DirectorySpace } from '../schema';
import type { ContentModel } from './model';
import type { AttachmentRecord, BlogpostRecord, ContainerRecord, PageRecord } from './records';

/** v2 content listings: limit 1..250, default 25 (attachments: 50). */
export const V2_CONTENT_PAGE = { defaultLimit: 25, maxLimit: 250 } as const;
export const V2_ATTACHMENT_PAGE = { defaultLimit: 50, maxLimit: 250 } as const;

export const model = (ctx: RouteContext): ContentModel => ctx.site.content;

/** v2 path and query ids are typed int64. */
export function contentIdParam(raw: string | undefined, name = 'id'): string {
  if (raw === undefined || !/^[0-9]{1,18}$/.test(raw)) {
    throw badRequest(`Provided value {${raw ?? ''}} for '${name}' is not the correct type. Expected type is Long`);
  }
  return String(BigInt(raw));
}

/** Attachment ids: "att123" or "123" (v2 pattern `(att)?[0-9]+`); answers the "att" form. */
export function attachmentIdParam(raw: string | undefined, name = 'id'): string {
  const m = /^(?:att)?([0-9]{1,18})$/.exec(raw ?? '');
  if (!m?.[1]) throw badRequest(`Provided value {${raw ?? ''}} for '${name}' is not a valid attachment id`);
  return `att${String(BigInt(m[1]))}`;
}

/** v1 ids are strings in the path; anything but digits is no content. */
export function v1ContentId(raw: string | undefined): string {
  if (raw === undefined || !/^[0-9]{1,18}$/.test(raw)) throw notFound(`No content found with id: ${raw ?? ''}`);
  return String(BigInt(raw));
}

export function spaceOf(ctx: RouteContext, record: { spaceId: string }): DirectorySpace {
  const space = ctx.site.space(record.spaceId);
  if (!space) throw new Error(`content in unknown space ${record.spaceId}`);
  return space;
}

/** A page the caller can see, or 404. */
export function readablePage(ctx: RouteContext, id: string): PageRecord {
  const page = model(ctx).store.page(id);
  if (!page || !model(ctx).access.canRead(ctx.caller, page)) throw notFound(`No page found with id ${id}`);
  return page;
}

export function readableBlogpost(ctx: RouteContext, id: string): BlogpostRecord {
  const post = model(ctx).store.blogpost(id);
  if (!post || !model(ctx).access.canRead(ctx.caller, post)) throw notFound(`No blog post found with id ${id}`);
  return post;
}

/** A page or blog post the caller can see (v1 content ids cover both), or 404 in the v1 wording. */
export function readableContent(ctx: RouteContext, id: string): ContainerRecord {
  const record = model(ctx).store.container(id);
  if (!record || !model(ctx).access.canRead(ctx.caller, record)) throw notFound(`No content found with id: ${id}`);
  return record;
}

/** An attachment whose container the caller can see, or 404. */
export function readableAttachment(
  ctx: RouteContext,
  id: string,
): { attachment: AttachmentRecord; container: ContainerRecord } {
  const attachment = model(ctx).store.attachment(id);
  const container = attachment ? model(ctx).store.container(attachment.containerId) : undefined;
  if (!attachment || !container || !model(ctx).access.canRead(ctx.caller, container)) {
    throw notFound(`No attachment found with id ${id}`);
  }
  return { attachment, container };
}

/** A multi-value enum filter (`status=current,trashed` or repeated); `fallback` when absent. */
export function enumListParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: readonly T[],
): T[] {
  const values = listParam(query, name);
  if (values.length === 0) return [...fallback];
  return values.map((v) => {
    const found = allowed.find((a) => a === v);
    if (found === undefined) throw badRequest(`Parameter '${name}' must be one of ${allowed.join(', ')}, got '${v}'`);
    return found;
  });
}

export interface V2Slice<T> {
  body: { results: T[]; _links: { next?: string; base: string } };
  headers: Record<string, string>;
}

/**
 * One v2 page from a lazy sequence: reads `cursor`/`limit`, takes `limit`
 * items after the cursor's offset and looks one further to know whether a
 * `next` link is due (the same cursor format as paging.ts).
 */
export function v2Slice<S, T>(
  items: Iterable<S>,
  ctx: LinkContext,
  opts: { defaultLimit: number; maxLimit: number },
  render: (item: S) => T,
): V2Slice<T> {
  const cursor = ctx.query.get('cursor');
  const offset = cursor === null || cursor === '' ? 0 : decodeCursor(cursor);
  const limit = intParam(ctx.query, 'limit', {
    default: opts.defaultLimit,
    min: 1,
    max: opts.maxLimit,
    aboveMax: 'reject',
  });
  const results: T[] = [];
  let index = 0;
  let more = false;
  for (const item of items) {
    if (index >= offset + limit) {
      more = true;
      break;
    }
    if (index >= offset) results.push(render(item));
    index += 1;
  }
  const base = wikiBase(ctx);
  if (!more) return { body: { results, _links: { base } }, headers: {} };
  const q = new URLSearchParams(ctx.query);
  q.set('cursor', encodeCursor(offset + limit));
  const next = `${ctx.pathname}?${q.toString()}`;
  return {
    body: { results, _links: { next, base } },
    headers: { link: `<${next}>; rel="next", <${base}>; rel="base"` },
  };
}

/** Filter lazily. */
export function* where<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}
