// Shared helpers for the Confluence emulator tests: call handle() and read JSON.
import { ConfluenceEmulator, loadDirectory, type Caller, type SiteDirectoryInput } from '../../../local/confluence';
import { parseDirectory } from '../../../local/confluence/schema';

export const BASE_URL = 'http://127.0.0.1:8000';

export const as = {
  ada: { kind: 'user', accountId: 'u-ada' },
  bob: { kind: 'user', accountId: 'u-bob' },
  jane: { kind: 'user', accountId: 'u-jane' },
  priya: { kind: 'user', accountId: 'u-priya' },
  pat: { kind: 'user', accountId: 'u-pat' },
  sam: { kind: 'user', accountId: 'u-sam' },
  nina: { kind: 'user', accountId: 'u-nina' },
  app: { kind: 'app' },
  anonymous: { kind: 'anonymous' },
} as const satisfies Record<string, Caller>;

export function demo(): ConfluenceEmulator {
  return new ConfluenceEmulator(loadDirectory(), { baseUrl: BASE_URL });
}

export function emulatorFor(input: SiteDirectoryInput): ConfluenceEmulator {
  return new ConfluenceEmulator(parseDirectory(input), { baseUrl: BASE_URL });
}

export interface JsonResponse {
  status: number;
  headers: Record<string, string>;
  // The bodies are Confluence JSON of many shapes; tests index into them freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function get(e: ConfluenceEmulator, path: string, caller: Caller): Promise<JsonResponse> {
  const res = await e.handle({ method: 'GET', path, headers: { accept: 'application/json' } }, caller);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return { status: res.status, headers: res.headers, body: JSON.parse(res.body) };
}

/** Follow v1 `_links.next` (relative to /wiki) until the last page; answers every page. */
export async function v1Pages(e: ConfluenceEmulator, path: string, caller: Caller): Promise<JsonResponse[]> {
  const pages: JsonResponse[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const page = await get(e, next, caller);
    expect(page.status).toBe(200);
    pages.push(page);
    expect(pages.length).toBeLessThan(50);
    const rel: string | undefined = page.body._links.next;
    next = rel === undefined ? undefined : `/wiki${rel}`;
  }
  return pages;
}

/** Follow v2 `_links.next` (starts with /wiki) until the last page; answers every page. */
export async function v2Pages(e: ConfluenceEmulator, path: string, caller: Caller): Promise<JsonResponse[]> {
  const pages: JsonResponse[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const page = await get(e, next, caller);
    expect(page.status).toBe(200);
    pages.push(page);
    expect(pages.length).toBeLessThan(50);
    next = page.body._links.next;
  }
  return pages;
}

/** The documented v1 error body. */
export function expectV1Error(res: JsonResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    statusCode: status,
    data: { authorized: false, valid: status !== 400, errors: [], successful: false },
    message: expect.any(String),
  });
}

/** The documented v2 error body. */
export function expectV2Error(res: JsonResponse, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ errors: [{ status, code, title: expect.any(String), detail: null }] });
}

export const q = (cql: string): string => encodeURIComponent(cql);
