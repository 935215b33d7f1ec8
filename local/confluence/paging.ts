// Paging as Confluence does it:
//  v1: start/limit in, {results, start, limit, size, _links:{next}} out, where
//      _links.next is relative to the /wiki context ("/rest/api/...?...&start=N").
//  v2: cursor/limit in, {results, _links:{next, base}} out plus a Link header,
//      where _links.next starts with /wiki ("/wiki/api/v2/...?cursor=...").
import { badRequest } from './http';
import { intParam } from './query';

export interface LinkContext {
  /** e.g. "http://127.0.0.1:8000" (no trailing slash). */
  baseUrl: string;
  /** Request path without query, starting with /wiki/. */
  pathname: string;
  query: URLSearchParams;
}

export const wikiBase = (ctx: LinkContext): string => `${ctx.baseUrl}/wiki`;

/** The request path relative to the /wiki context, with the given query. */
function relative(ctx: LinkContext, query: URLSearchParams): string {
  const path = ctx.pathname.replace(/^\/wiki/, '');
  const qs = query.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

export function v1Links(ctx: LinkContext): { base: string; context: string; self: string } {
  return { base: wikiBase(ctx), context: '/wiki', self: `${wikiBase(ctx)}${relative(ctx, ctx.query)}` };
}

// ---- cursors -------------------------------------------------------------

/** Opaque cursor for an offset into an ordered result list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`local-cursor:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^local-cursor:([0-9]{1,9})$/.exec(text);
  if (!match?.[1]) throw badRequest(`Parameter 'cursor' is not a valid cursor: '${cursor}'`);
  return Number(match[1]);
}

// ---- v1 -------------------------------------------------------------------

export interface V1PageRequest {
  start: number;
  limit: number;
}

export interface V1PageOptions {
  defaultLimit: number;
  /** Larger limits are clamped, as the docs' "restricted by fixed system limits" says. */
  maxLimit: number;
}

export function readV1Page(query: URLSearchParams, opts: V1PageOptions): V1PageRequest {
  return {
    start: intParam(query, 'start', { default: 0, min: 0 }),
    limit: intParam(query, 'limit', { default: opts.defaultLimit, min: 0, max: opts.maxLimit, aboveMax: 'clamp' }),
  };
}

export interface V1Page<T> {
  results: T[];
  start: number;
  limit: number;
  size: number;
  totalSize?: number;
  _links: { base: string; context: string; self: string; next?: string };
}

export function v1Page<T>(all: readonly T[], page: V1PageRequest, ctx: LinkContext, withTotal = false): V1Page<T> {
  const results = all.slice(page.start, page.start + page.limit);
  const links: V1Page<T>['_links'] = v1Links(ctx);
  const nextStart = page.start + results.length;
  if (page.limit > 0 && nextStart < all.length) {
    const q = new URLSearchParams(ctx.query);
    q.set('start', String(nextStart));
    q.set('limit', String(page.limit));
    links.next = relative(ctx, q);
  }
  const out: V1Page<T> = { results, start: page.start, limit: page.limit, size: results.length, _links: links };
  if (withTotal) out.totalSize = all.length;
  return out;
}

// ---- v2 -------------------------------------------------------------------

export interface V2PageRequest {
  offset: number;
  limit: number;
}

export function readV2Page(query: URLSearchParams, opts: { defaultLimit: number; maxLimit: number }): V2PageRequest {
  const cursor = query.get('cursor');
  return {
    offset: cursor === null || cursor === '' ? 0 : decodeCursor(cursor),
    limit: intParam(query, 'limit', { default: opts.defaultLimit, min: 1, max: opts.maxLimit, aboveMax: 'reject' }),
  };
}

export interface V2Page<T> {
  body: { results: T[]; _links: { next?: string; base: string } };
  headers: Record<string, string>;
}

export function v2Page<T>(all: readonly T[], page: V2PageRequest, ctx: LinkContext): V2Page<T> {
  const results = all.slice(page.offset, page.offset + page.limit);
  const base = wikiBase(ctx);
  const nextOffset = page.offset + results.length;
  if (nextOffset >= all.length) return { body: { results, _links: { base } }, headers: {} };
  const q = new URLSearchParams(ctx.query);
  q.set('cursor', encodeCursor(nextOffset));
  const next = `${ctx.pathname}?${q.toString()}`;
  return {
    body: { results, _links: { next, base } },
    headers: { link: `<${next}>; rel="next", <${base}>; rel="base"` },
  };
}
