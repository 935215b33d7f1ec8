import type { LocalHost } from '../../local/host/create-host';
import { dataOf, Envelope, invoke } from './local-host';

export const ALL_SCRIPTS = [
  'bulk-delete-attachments',
  'bulk-delete-comments',
  'bulk-purge-trash',
  'copy-space',
  'delete-page-tree',
  'copy-page-tree',
  'bulk-labels',
];
export const ALL_BUT_COPY_SPACE = ALL_SCRIPTS.filter((k) => k !== 'copy-space');

export interface RowInput {
  type: 'global' | 'space' | 'group' | 'user';
  id: string;
  name: string;
  key?: string;
  allowed: string[];
}

export interface ConfigData {
  enabled: boolean;
  version: number;
  rows: RowInput[];
  totalRows: number;
  nextCursor?: string;
}

export interface ExplainData {
  spaceAdmin: boolean;
  scripts: { key: string; allowed: boolean; decidedBy: { type: string; ids?: string[]; names?: string[] } }[];
}

export const ADMIN = { accountId: 'u-ada' };

export async function getConfig(host: LocalHost): Promise<ConfigData> {
  return dataOf(await invoke<Envelope<ConfigData>>(host, 'admin-page', 'getConfig', {}, ADMIN));
}

/** Makes the stored table exactly `rows` (Global included), with the toggle as given, through saveConfig. */
export async function replaceTable(host: LocalHost, enabled: boolean, rows: RowInput[]): Promise<ConfigData> {
  const current = await getConfig(host);
  const kept = new Set(rows.map((r) => `${r.type}:${r.id}`));
  const remove = current.rows
    .filter((r) => r.type !== 'global' && !kept.has(`${r.type}:${r.id}`))
    .map(({ type, id }) => ({ type, id }));
  return dataOf(
    await invoke<Envelope<ConfigData>>(
      host,
      'admin-page',
      'saveConfig',
      { expectedVersion: current.version, enabled, upsert: rows, remove },
      ADMIN,
    ),
  );
}

export async function explain(host: LocalHost, accountId: string, spaceKey: string): Promise<ExplainData> {
  return dataOf(
    await invoke<Envelope<ExplainData>>(host, 'admin-page', 'explainAccess', { accountId, spaceKey }, ADMIN),
  );
}

export async function myScripts(host: LocalHost, accountId: string, spaceKey: string): Promise<ExplainData> {
  return dataOf(
    await invoke<Envelope<ExplainData>>(host, 'space-settings', 'getMyScripts', {}, { accountId, spaceKey }),
  );
}

export const allowedKeys = (data: ExplainData): string[] => data.scripts.filter((s) => s.allowed).map((s) => s.key);

export const global = (allowed: string[]): RowInput => ({ type: 'global', id: 'global', name: 'Global', allowed });
