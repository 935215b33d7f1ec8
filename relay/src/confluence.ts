/**
 * The relay's Confluence calls, with the customer's own API token (Basic
 * auth). Grants: v1 POST. Revokes: find the assignment's id through the v2
 * read API, then v1 DELETE. 429, 5xx and network errors are retried (see
 * retry.ts); 401/403 stop the relay, because no later item can do better.
 */
import type { WorkItem } from '../../src/contract/relay-protocol';
import { HttpFailure, RetryPolicy, withRetries } from './retry';

/** Confluence refused the account itself: the relay must stop and say what to fix. */
export class FatalConfluenceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FatalConfluenceError';
  }
}

/** This item cannot be done (e.g. its space is gone): report it failed and go on. */
class ItemFailure extends Error {}

export type ApplyResult = { outcome: 'applied' | 'already' | 'failed'; message?: string };

export interface ConfluenceOptions {
  siteUrl: string;
  email: string;
  apiToken: string;
  retry: RetryPolicy;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

interface Answer {
  status: number;
  json: unknown;
}

const messageOf = (json: unknown): string => {
  if (json && typeof json === 'object') {
    const j = json as { message?: unknown; errors?: { title?: unknown }[] };
    if (typeof j.message === 'string') return j.message;
    if (Array.isArray(j.errors) && typeof j.errors[0]?.title === 'string') return j.errors[0].title;
  }
  return '';
};

export class ConfluenceClient {
  private readonly auth: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ConfluenceOptions) {
    this.auth = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
    this.fetchImpl = options.fetchImpl ?? fetch;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Answer> {
    return withRetries(this.options.retry, 'confluence', async () => {
      let response: Response;
      try {
        response = await this.fetchImpl(`${this.options.siteUrl}${path}`, {
          method,
          headers: {
            authorization: this.auth,
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        throw new HttpFailure(0, `${method} ${path.split('?')[0]}: ${(error as Error).message}`);
      }
      const text = await response.text().catch(() => '');
      if (response.status === 429 || response.status >= 500) {
        throw new HttpFailure(
          response.status,
          `${method} ${path.split('?')[0]} answered ${response.status}`,
          response.headers.get('retry-after'),
        );
      }
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      if (response.status === 401) {
        throw new FatalConfluenceError(
          401,
          `Confluence refused the API token for ${this.options.email} (401). Check the email and create a new API token for that account; see docs/external-setup.md "Errors".`,
        );
      }
      return { status: response.status, json };
    });
  }

  /** Checks the token and account at start: who Confluence says we are. */
  async whoAmI(): Promise<{ accountId: string; displayName: string }> {
    const answer = await this.request('GET', '/wiki/rest/api/user/current');
    const me = answer.json as { accountId?: string; displayName?: string; type?: string } | undefined;
    if (answer.status !== 200 || !me?.accountId) {
      throw new FatalConfluenceError(
        answer.status,
        `Confluence did not accept ${this.options.email} (${answer.status}). Check --site-url and the account.`,
      );
    }
    return { accountId: me.accountId, displayName: me.displayName ?? me.accountId };
  }

  private forbidden(item: WorkItem): FatalConfluenceError {
    return new FatalConfluenceError(
      403,
      `Confluence answered 403 for space ${item.spaceKey}: the account ${this.options.email} must have the Admin permission in every space the app manages (or be given it). Grant it, then start the relay again.`,
    );
  }

  async grant(item: WorkItem): Promise<ApplyResult> {
    const answer = await this.request('POST', `/wiki/rest/api/space/${encodeURIComponent(item.spaceKey)}/permission`, {
      subject: { type: item.subject.type, identifier: item.subject.id },
      operation: { key: item.operation.key, target: item.operation.target },
    });
    if (answer.status === 200 || answer.status === 201) return { outcome: 'applied' };
    const message = messageOf(answer.json);
    if (answer.status === 400 && /already exists/i.test(message))
      return { outcome: 'already', message: 'The permission already existed.' };
    if (answer.status === 403) throw this.forbidden(item);
    return { outcome: 'failed', message: `Confluence answered ${answer.status}: ${message || 'no message'}` };
  }

  /** The id of the subject's assignment of this operation in the space, or undefined. */
  async findAssignment(item: WorkItem): Promise<string | undefined> {
    let path: string | undefined = `/wiki/api/v2/spaces/${encodeURIComponent(item.spaceId)}/permissions?limit=250`;
    while (path) {
      const answer = await this.request('GET', path);
      if (answer.status === 403) throw this.forbidden(item);
      if (answer.status !== 200)
        throw new ItemFailure(
          `Reading ${item.spaceKey}'s permissions answered ${answer.status}: ${messageOf(answer.json)}`,
        );
      const page = answer.json as {
        results?: {
          id: string | number;
          principal?: { type?: string; id?: string };
          operation?: { key?: string; targetType?: string };
        }[];
        _links?: { next?: string };
      };
      const hit = (page.results ?? []).find(
        (p) =>
          p.principal?.type === item.subject.type &&
          p.principal.id === item.subject.id &&
          p.operation?.key === item.operation.key &&
          p.operation.targetType === item.operation.target,
      );
      if (hit) return String(hit.id);
      const next = page._links?.next;
      path = next ? (next.startsWith('/wiki/') ? next : `/wiki${next}`) : undefined;
    }
    return undefined;
  }

  async revoke(item: WorkItem): Promise<ApplyResult> {
    let id: string | undefined;
    try {
      id = await this.findAssignment(item);
    } catch (error) {
      if (error instanceof ItemFailure) return { outcome: 'failed', message: error.message };
      throw error;
    }
    if (!id) return { outcome: 'already', message: 'The permission was not there.' };
    const answer = await this.request(
      'DELETE',
      `/wiki/rest/api/space/${encodeURIComponent(item.spaceKey)}/permission/${encodeURIComponent(id)}`,
    );
    if (answer.status === 204 || answer.status === 200) return { outcome: 'applied' };
    if (answer.status === 404) return { outcome: 'already', message: 'The permission was removed meanwhile.' };
    if (answer.status === 403) throw this.forbidden(item);
    return {
      outcome: 'failed',
      message: `Confluence answered ${answer.status}: ${messageOf(answer.json) || 'no message'}`,
    };
  }

  apply(item: WorkItem): Promise<ApplyResult> {
    return item.action === 'grant' ? this.grant(item) : this.revoke(item);
  }
}
