import { randomBytes } from 'node:crypto';
import { readJsonFile, writeJsonFileAtomic } from './json-file';
import type { EmulatedResponse, GraphqlService } from './forge-fetch';

/**
 * Web trigger URLs, as Forge's `createWebTriggerUrl`,
 * `deleteWebTriggerUrl` and `webTriggerUrlsByAppContext` GraphQL operations
 * manage them for @forge/api's `webTrigger`. A URL is
 * `<base>/x1/<id>`: the same shape the SDK's deleteUrl parses. URLs persist
 * in the local data folder so a relay keeps working across restarts.
 */
interface StoredTrigger {
  id: string;
  moduleKey: string;
  createdAt: string;
}

export class WebTriggerRegistry implements GraphqlService {
  private triggers: StoredTrigger[];

  constructor(
    private readonly moduleKeys: readonly string[],
    private readonly baseUrl: () => string,
    private readonly file?: string,
  ) {
    this.triggers = file ? readJsonFile<StoredTrigger[]>(file, []) : [];
  }

  urlOf(trigger: StoredTrigger): string {
    return `${this.baseUrl()}/x1/${trigger.id}`;
  }

  /** The module key a request to /x1/<id> runs, or undefined for an unknown or deleted URL. */
  moduleKeyFor(id: string): string | undefined {
    return this.triggers.find((t) => t.id === id)?.moduleKey;
  }

  getUrl(moduleKey: string, forceCreate: boolean): string {
    if (!this.moduleKeys.includes(moduleKey)) {
      throw new Error(`No web trigger module with key '${moduleKey}' in manifest.yml`);
    }
    const existing = [...this.triggers].reverse().find((t) => t.moduleKey === moduleKey);
    if (existing && !forceCreate) return this.urlOf(existing);
    const created: StoredTrigger = {
      id: randomBytes(16).toString('hex'),
      moduleKey,
      createdAt: new Date().toISOString(),
    };
    this.triggers.push(created);
    this.save();
    return this.urlOf(created);
  }

  deleteUrl(id: string): boolean {
    const before = this.triggers.length;
    this.triggers = this.triggers.filter((t) => t.id !== id);
    if (this.triggers.length === before) return false;
    this.save();
    return true;
  }

  list(): { triggerKey: string; url: string }[] {
    return this.triggers.map((t) => ({ triggerKey: t.moduleKey, url: this.urlOf(t) }));
  }

  async handle(bodyText: string): Promise<EmulatedResponse> {
    let request: { query?: string; variables?: Record<string, unknown> };
    try {
      request = JSON.parse(bodyText) as typeof request;
    } catch {
      return graphqlAnswer(400, { errors: [{ message: 'Request body is not JSON' }] });
    }
    const query = request.query ?? '';
    const variables = request.variables ?? {};
    try {
      if (query.includes('createWebTriggerUrl')) {
        const input = (variables.input ?? {}) as { triggerKey?: string };
        const url = this.getUrl(String(input.triggerKey), variables.forceCreate === true);
        return graphqlAnswer(200, { data: { createWebTriggerUrl: { url } } });
      }
      if (query.includes('deleteWebTriggerUrl')) {
        const success = this.deleteUrl(String(variables.id));
        return graphqlAnswer(200, {
          data: { deleteWebTriggerUrl: { success, message: success ? null : 'Web trigger URL not found' } },
        });
      }
      if (query.includes('webTriggerUrlsByAppContext')) {
        return graphqlAnswer(200, { data: { webTriggerUrlsByAppContext: this.list() } });
      }
    } catch (error) {
      return graphqlAnswer(200, { data: null, errors: [{ message: (error as Error).message }] });
    }
    return graphqlAnswer(400, {
      errors: [{ message: 'The local Forge host does not emulate this GraphQL operation' }],
    });
  }

  private save(): void {
    if (this.file) writeJsonFileAtomic(this.file, this.triggers);
  }
}

const graphqlAnswer = (status: number, body: unknown): EmulatedResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
