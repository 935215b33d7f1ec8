/**
 * The relay's Confluence calls, with the customer's own API token (Basic
 * auth). Grants: v1 POST. Revokes: find the assignment's id through the v2
 * read API, then v1 DELETE. Roles: read the subject's current role, then v2
 * POST /spaces/{id}/role-assignments. 429, 5xx and network errors are
 * retried (see retry.ts); 401/403, a roles-only site refusing individual
 * permissions, and "grant only what you hold" stop the relay, because no
 * later item can do better.
 */
import type { PermissionWorkItem, RoleWorkItem, WorkItem } from '../../src/contract/relay-protocol';
import { HttpFailure, RetryPolicy, withRetries } from './retry';

/** Confluence refused the account itself: the relay must stop and say what to fix. */
export class FatalConfluenceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The item that showed it, reported failed with this message before the relay stops. */
    readonly failsItem = false,
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
      true,
    );
  }

  /** A roles-only site refuses every individual permission write: say what to do instead. */
  private rolesOnly(item: WorkItem): FatalConfluenceError {
    return new FatalConfluenceError(
      400,
      `Confluence refused an individual permission change in space ${item.spaceKey} because this site uses space roles only (InvalidRbacOperationException). Individual permissions cannot be changed there: submit the change again as a role on the admin page (Space permissions), then start the relay again.`,
      true,
    );
  }

  /** "Grant only what you hold" (or no right to manage roles): only a Confluence admin account avoids it. */
  private cannotAssign(item: RoleWorkItem, detail: string): FatalConfluenceError {
    return new FatalConfluenceError(
      403,
      `Confluence refused to set a role in space ${item.spaceKey} for ${this.options.email}: ${detail || 'no reason given'}. On sites with space roles a user may only grant what they hold themselves; run the relay as a Confluence admin (site admin), who is exempt, then start the relay again.`,
      true,
    );
  }

  private checkRolesOnly(item: WorkItem, answer: Answer): void {
    if (answer.status === 400 && /InvalidRbacOperationException|roles-only mode/i.test(messageOf(answer.json)))
      throw this.rolesOnly(item);
  }

  async grant(item: PermissionWorkItem): Promise<ApplyResult> {
    const answer = await this.request('POST', `/wiki/rest/api/space/${encodeURIComponent(item.spaceKey)}/permission`, {
      subject: { type: item.subject.type, identifier: item.subject.id },
      operation: { key: item.operation.key, target: item.operation.target },
    });
    if (answer.status === 200 || answer.status === 201) return { outcome: 'applied' };
    this.checkRolesOnly(item, answer);
    const message = messageOf(answer.json);
    if (answer.status === 400 && /already exists/i.test(message))
      return { outcome: 'already', message: 'The permission already existed.' };
    if (answer.status === 403) throw this.forbidden(item);
    return { outcome: 'failed', message: `Confluence answered ${answer.status}: ${message || 'no message'}` };
  }

  /** The id of the subject's assignment of this operation in the space, or undefined. */
  async findAssignment(item: PermissionWorkItem): Promise<string | undefined> {
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

  async revoke(item: PermissionWorkItem): Promise<ApplyResult> {
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
    this.checkRolesOnly(item, answer);
    return {
      outcome: 'failed',
      message: `Confluence answered ${answer.status}: ${messageOf(answer.json) || 'no message'}`,
    };
  }

  /** The subject's role in the space now (undefined: none), or an ItemFailure saying why it cannot be read. */
  async currentRole(item: RoleWorkItem): Promise<string | undefined> {
    const type = item.subject.type === 'user' ? 'USER' : 'GROUP';
    const answer = await this.request(
      'GET',
      `/wiki/api/v2/spaces/${encodeURIComponent(item.spaceId)}/role-assignments?principal-type=${type}&principal-id=${encodeURIComponent(item.subject.id)}&limit=250`,
    );
    if (answer.status === 403) throw this.forbidden(item);
    if (answer.status !== 200)
      throw new ItemFailure(
        `Reading ${item.spaceKey}'s role assignments answered ${answer.status}: ${messageOf(answer.json) || 'no message'}`,
      );
    const page = answer.json as {
      results?: { principal?: { principalType?: string; principalId?: string }; roleId?: string }[];
    };
    return (page.results ?? []).find(
      (a) => a.principal?.principalType === type && a.principal.principalId === item.subject.id,
    )?.roleId;
  }

  /**
   * Sets (or, with roleId null, removes) the subject's role with one entry
   * of POST /role-assignments. Already so (the relay died after applying,
   * or someone did it by hand) is reported as already in place.
   */
  async setRole(item: RoleWorkItem): Promise<ApplyResult> {
    let current: string | undefined;
    try {
      current = await this.currentRole(item);
    } catch (error) {
      if (error instanceof ItemFailure) return { outcome: 'failed', message: error.message };
      throw error;
    }
    if ((current ?? null) === item.roleId)
      return {
        outcome: 'already',
        message: item.roleId ? 'The subject already had this role.' : 'The subject had no role.',
      };
    const type = item.subject.type === 'user' ? 'USER' : 'GROUP';
    const entry = {
      principal: { principalType: type, principalId: item.subject.id },
      ...(item.roleId ? { roleId: item.roleId } : {}),
    };
    const answer = await this.request(
      'POST',
      `/wiki/api/v2/spaces/${encodeURIComponent(item.spaceId)}/role-assignments`,
      [entry],
    );
    if (answer.status === 200) return { outcome: 'applied' };
    const message = messageOf(answer.json);
    if (answer.status === 403) throw this.cannotAssign(item, message);
    // The read just worked, so 404 here is "may not set roles in the space" (the reference's wording for 404).
    if (answer.status === 404) throw this.cannotAssign(item, message);
    if (answer.status === 400 && /not have|do not hold|don't have|only grant|yourself/i.test(message))
      throw this.cannotAssign(item, message);
    return { outcome: 'failed', message: `Confluence answered ${answer.status}: ${message || 'no message'}` };
  }

  apply(item: WorkItem): Promise<ApplyResult> {
    if (item.kind === 'role') return this.setRole(item);
    return item.action === 'grant' ? this.grant(item) : this.revoke(item);
  }
}
