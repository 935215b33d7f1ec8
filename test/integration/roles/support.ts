import { join } from 'node:path';
import type { LocalHost } from '../../../local/host/create-host';
import { dataOf, Envelope, invoke, InvokeAnswer } from '../../support/local-host';
import { ADA, Linked } from '../relay/support';

export const FIXTURES = join(__dirname, '..', '..', '..', 'local', 'fixtures');
export const fixture = (name: 'demo' | 'demo-roles' | 'demo-transition') => join(FIXTURES, `${name}.json`);

/** The relay's environment, signed in as a fixture user (Ada is a Confluence admin). */
export const relayEnv = (host: LocalHost, linked: Linked, who: { email: string; token: string }) => ({
  CONFLUENCE_SITE_URL: host.url,
  CONFLUENCE_EMAIL: who.email,
  CONFLUENCE_API_TOKEN: who.token,
  RELAY_TRIGGER_URL: linked.url,
  RELAY_LINK_SECRET: linked.secret,
});
export const ADA_LOGIN = { email: 'ada@example.com', token: 'local-ada' };
export const SAM_LOGIN = { email: 'sam@example.com', token: 'local-sam' };

export interface RoleRow {
  kind: 'role';
  spaceKey: string;
  subject: { type: string; id: string; name?: string };
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
  transition: string;
  status: string;
}
export interface Preview {
  kind: string;
  rows: RoleRow[];
  changes: number;
  already: number;
}

export const admin = <T>(host: LocalHost, fn: string, payload: unknown): Promise<InvokeAnswer<Envelope<T>>> =>
  invoke<Envelope<T>>(host, 'admin-page', fn, payload, ADA);

export type JobView = {
  id: string;
  kind: string;
  counts: Record<string, number>;
  items: { spaceKey: string; subject: { id: string }; state: string; message?: string; to?: { name: string } | null }[];
};
export const jobs = async (host: LocalHost): Promise<JobView[]> =>
  dataOf(await admin<{ jobs: JobView[] }>(host, 'listPermissionJobs', {})).jobs;

export const errorOf = (answer: InvokeAnswer<Envelope<unknown>>) => {
  if (answer.body.ok) throw new Error(`expected an error, got ${JSON.stringify(answer.body)}`);
  return answer.body.error;
};
