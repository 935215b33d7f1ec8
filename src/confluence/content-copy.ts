/**
 * The content calls Copy Space makes, as the app (its consumer has no user;
 * the script checks the runner's own permission on what it reads, and the
 * new space belongs to the runner). References: v2 "Page" and "Blog post"
 * (get with `body-format=storage`, create, update), v2 labels and
 * attachments (read), v1 "Content labels" (add) and "Content - attachments"
 * (download, create). Scopes: read:page:confluence, write:page:confluence,
 * read:label:confluence + write:label:confluence, read:attachment:confluence,
 * write:attachment:confluence.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { nextCursor, ProductApiError } from './client';
import { V2Links } from './schemas';
import { appGet, appRequest, mustAppGet, sendJson } from './send';

const Id = z.union([z.string(), z.number()]).transform(String);
export type ContentKind = 'page' | 'blogpost';

const WithBody = z.object({
  id: Id,
  title: z.string(),
  version: z.object({ number: z.number() }).optional(),
  body: z.object({ storage: z.object({ value: z.string() }).optional() }).optional(),
});
export interface ContentBody {
  id: string;
  title: string;
  body: string;
  version: number;
}

const asBody = (c: z.infer<typeof WithBody>): ContentBody => ({
  id: c.id,
  title: c.title,
  body: c.body?.storage?.value ?? '',
  version: c.version?.number ?? 1,
});

/** A page or blog post with its storage body, or undefined when it is gone. */
export async function contentWithBody(kind: ContentKind, id: string): Promise<ContentBody | undefined> {
  const found =
    kind === 'page'
      ? await appGet(route`/wiki/api/v2/pages/${id}?body-format=storage`, WithBody, { allowNotFound: true })
      : await appGet(route`/wiki/api/v2/blogposts/${id}?body-format=storage`, WithBody, {
          allowNotFound: true,
        });
  return found ? asBody(found) : undefined;
}

/** Up to 250 pages with their bodies in one call (v2 `GET /pages?id=…`, at most 250 ids). */
export async function pagesWithBodies(ids: readonly string[]): Promise<Map<string, ContentBody>> {
  const out = new Map<string, ContentBody>();
  if (ids.length === 0) return out;
  const list = await mustAppGet(
    route`/wiki/api/v2/pages?id=${ids.join(',')}&body-format=storage&limit=250`,
    z.object({ results: z.array(WithBody) }),
  );
  for (const p of list.results) out.set(p.id, asBody(p));
  return out;
}

/** The content of that kind and title in the space, if any (titles are unique in a space). */
export async function findByTitle(kind: ContentKind, spaceId: string, title: string): Promise<string | undefined> {
  const list =
    kind === 'page'
      ? await mustAppGet(
          route`/wiki/api/v2/spaces/${spaceId}/pages?title=${title}&limit=1`,
          z.object({ results: z.array(z.object({ id: Id })) }),
        )
      : await mustAppGet(
          route`/wiki/api/v2/spaces/${spaceId}/blogposts?title=${title}&limit=1`,
          z.object({ results: z.array(z.object({ id: Id })) }),
        );
  return list.results[0]?.id;
}

export interface NewContent {
  spaceId: string;
  title: string;
  body: string;
  /** Pages only: under this page, or at the top of the space (`root-level=true`). */
  parentId?: string | null;
}

/** Creates a page or blog post; a title already taken answers ProductApiError 400. */
export async function createContent(kind: ContentKind, content: NewContent): Promise<string> {
  const body = {
    spaceId: content.spaceId,
    status: 'current',
    title: content.title,
    body: { representation: 'storage', value: content.body },
    ...(kind === 'page' && content.parentId ? { parentId: content.parentId } : {}),
  };
  const answer =
    kind === 'blogpost'
      ? await sendJson('POST', route`/wiki/api/v2/blogposts`, body, z.object({ id: Id }))
      : content.parentId
        ? await sendJson('POST', route`/wiki/api/v2/pages`, body, z.object({ id: Id }))
        : await sendJson('POST', route`/wiki/api/v2/pages?root-level=true`, body, z.object({ id: Id }));
  return answer.data.id;
}

/** Gives a page a new title and body (its version + 1). */
export async function rewritePage(pageId: string, title: string, body: string, currentVersion: number): Promise<void> {
  await sendJson(
    'PUT',
    route`/wiki/api/v2/pages/${pageId}`,
    {
      id: pageId,
      status: 'current',
      title,
      body: { representation: 'storage', value: body },
      version: { number: currentVersion + 1, message: 'Copied by the Copy Space script' },
    },
    z.object({ id: Id }),
  );
}

const LabelList = z.object({
  results: z.array(z.object({ name: z.string(), prefix: z.string().optional() })),
  _links: V2Links,
});

export async function labelsOf(kind: ContentKind, id: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const path =
      kind === 'page'
        ? cursor
          ? route`/wiki/api/v2/pages/${id}/labels?limit=250&cursor=${cursor}`
          : route`/wiki/api/v2/pages/${id}/labels?limit=250`
        : cursor
          ? route`/wiki/api/v2/blogposts/${id}/labels?limit=250&cursor=${cursor}`
          : route`/wiki/api/v2/blogposts/${id}/labels?limit=250`;
    const page = await mustAppGet(path, LabelList);
    out.push(...page.results.filter((l) => (l.prefix ?? 'global') === 'global').map((l) => l.name));
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

/** Adds labels (adding one that is there already changes nothing: safe to repeat). */
export async function addLabels(id: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await sendJson(
    'POST',
    route`/wiki/rest/api/content/${id}/label`,
    names.map((name) => ({ prefix: 'global', name })),
    z.unknown(),
  );
}

const AttachmentList = z.object({
  results: z.array(
    z.object({ id: z.string(), title: z.string(), mediaType: z.string().optional(), status: z.string().optional() }),
  ),
  _links: V2Links,
});
export interface AttachmentRef {
  id: string;
  title: string;
  mediaType: string;
}

export async function attachmentsOf(kind: ContentKind, id: string): Promise<AttachmentRef[]> {
  const out: AttachmentRef[] = [];
  let cursor: string | undefined;
  do {
    const path =
      kind === 'page'
        ? cursor
          ? route`/wiki/api/v2/pages/${id}/attachments?limit=250&cursor=${cursor}`
          : route`/wiki/api/v2/pages/${id}/attachments?limit=250`
        : cursor
          ? route`/wiki/api/v2/blogposts/${id}/attachments?limit=250&cursor=${cursor}`
          : route`/wiki/api/v2/blogposts/${id}/attachments?limit=250`;
    const page = await mustAppGet(path, AttachmentList);
    for (const a of page.results) {
      if ((a.status ?? 'current') !== 'current') continue;
      out.push({ id: a.id, title: a.title, mediaType: a.mediaType ?? 'application/octet-stream' });
    }
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}

/** The request body type @forge/api takes for bytes. */
const toArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/**
 * Copies one attachment's file onto another page or blog post. One that
 * already has a file of that name keeps it (Confluence answers 400 "same
 * file name"): a repeated copy adds nothing.
 */
export async function copyAttachment(
  fromId: string,
  attachment: AttachmentRef,
  toId: string,
): Promise<'copied' | 'there'> {
  const download = await appRequest(route`/wiki/rest/api/content/${fromId}/child/attachment/${attachment.id}/download`);
  if (!download.ok)
    throw new ProductApiError(download.status, `Downloading “${attachment.title}” failed: ${download.status}`);
  const bytes = Buffer.from(await download.arrayBuffer());
  const boundary = `----copy-space-${attachment.id}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${attachment.title.replace(/"/g, '')}"\r\n` +
      `Content-Type: ${attachment.mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const upload = await appRequest(route`/wiki/rest/api/content/${toId}/child/attachment`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      // Confluence refuses uploads without it (XSRF check).
      'X-Atlassian-Token': 'no-check',
    },
    body: toArrayBuffer(Buffer.concat([head, bytes, tail])),
  });
  if (upload.ok) return 'copied';
  const text = await upload.text();
  if (upload.status === 400 && /same file name/i.test(text)) return 'there';
  throw new ProductApiError(upload.status, `Uploading “${attachment.title}” failed: ${upload.status}`);
}

const BlogList = z.object({
  results: z.array(z.object({ id: Id, title: z.string(), status: z.string() })),
  _links: V2Links,
});

/** Every current blog post of a space, oldest id first (250 a call). */
export async function spaceBlogposts(spaceId: string): Promise<{ id: string; title: string }[]> {
  const out: { id: string; title: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = cursor
      ? await mustAppGet(route`/wiki/api/v2/spaces/${spaceId}/blogposts?limit=250&cursor=${cursor}`, BlogList)
      : await mustAppGet(route`/wiki/api/v2/spaces/${spaceId}/blogposts?limit=250`, BlogList);
    out.push(...page.results.filter((b) => b.status === 'current').map((b) => ({ id: b.id, title: b.title })));
    cursor = nextCursor(page._links);
  } while (cursor);
  return out;
}
