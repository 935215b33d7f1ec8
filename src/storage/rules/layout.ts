import { GLOBAL_ROW_ID, GLOBAL_ROW_NAME, Row, RowType, RuleTable } from '../../rules';
import { decodeMask, encodeMask } from './mask';
import { DecisionType, decisionKeyFor, tableChunkKey, tableChunkOf } from './keys';

/**
 * How a rule table is laid out in KVS (docs/architecture.md, "Rules storage"):
 * - the meta entity: toggle, known scripts, the Global row, and the last commit;
 * - 64 table chunks holding every other row with its name (the admin page reads them all);
 * - the decision index: compact `id -> mask` buckets per subject type, so one
 *   decision reads only the buckets of its user, space and groups.
 * No stored value grows with more than a bucket's share of the rows.
 */
export interface CommitRecord {
  version: number;
  writer: string;
  keys: string[];
}

export interface MetaState {
  schemaVersion: 1;
  enabled: boolean;
  knownScripts: string[];
  /** The Global row's mask over knownScripts. */
  global: string;
  rowCount: number;
  updatedAt?: string;
  updatedBy?: string;
  lastCommit?: CommitRecord;
}

export interface MetaEntity {
  version: number;
  state: MetaState;
}

const TYPE_CODES = { space: 's', group: 'g', user: 'u' } as const;
type StoredRowType = keyof typeof TYPE_CODES;
const TYPE_OF_CODE: Record<string, StoredRowType> = { s: 'space', g: 'group', u: 'user' };

/** [type code, id, name, mask] or, for spaces, [.., key]. */
export type EncodedRow = [string, string, string, string] | [string, string, string, string, string];

export interface TableChunk {
  v: number;
  rows: EncodedRow[];
}

export interface DecisionBucket {
  v: number;
  /** subject id -> mask */
  m: Record<string, string>;
  /** subject id -> name; users and spaces only, so group buckets stay small (names come from Confluence). */
  n?: Record<string, string>;
}

export type StoredValue = TableChunk | DecisionBucket;

/** Every table chunk and decision bucket a table needs, without versions. */
export function encodeTable(table: RuleTable): Map<string, StoredValue> {
  const values = new Map<string, StoredValue>();
  for (const row of table.rows) {
    if (row.type === 'global') continue;
    const mask = encodeMask(row.allowed, table.knownScripts);
    const chunkKey = tableChunkKey(tableChunkOf(row.type, row.id));
    const chunk = (values.get(chunkKey) as TableChunk | undefined) ?? { v: 0, rows: [] };
    const code = TYPE_CODES[row.type as StoredRowType];
    chunk.rows.push(row.key !== undefined ? [code, row.id, row.name, mask, row.key] : [code, row.id, row.name, mask]);
    values.set(chunkKey, chunk);
    const bucketKey = decisionKeyFor(row.type as DecisionType, row.id);
    const bucket = (values.get(bucketKey) as DecisionBucket | undefined) ?? { v: 0, m: {} };
    bucket.m[row.id] = mask;
    if (row.type !== 'group') (bucket.n ??= {})[row.id] = row.name;
    values.set(bucketKey, bucket);
  }
  return values;
}

export const emptyValueFor = (key: string): StoredValue =>
  key.startsWith('rules:tbl:') ? { v: 0, rows: [] } : { v: 0, m: {} };

/** The same content, ignoring the version stamp. */
export function sameContent(a: StoredValue | undefined, b: StoredValue | undefined): boolean {
  const strip = (value: StoredValue | undefined) => {
    if (!value) return '';
    const content = 'rows' in value ? value.rows : value.m;
    if (Object.keys(content).length === 0) return '';
    return 'rows' in value ? JSON.stringify(value.rows) : JSON.stringify([value.m, value.n ?? {}]);
  };
  return strip(a) === strip(b);
}

export function metaStateFor(table: RuleTable): Omit<MetaState, 'lastCommit' | 'updatedAt' | 'updatedBy'> {
  const global = table.rows.find((r) => r.type === 'global');
  return {
    schemaVersion: 1,
    enabled: table.enabled,
    knownScripts: [...table.knownScripts],
    global: encodeMask(global?.allowed ?? [], table.knownScripts),
    rowCount: table.rows.length,
  };
}

export function globalRowOf(meta: MetaState): Row {
  return {
    type: 'global',
    id: GLOBAL_ROW_ID,
    name: GLOBAL_ROW_NAME,
    allowed: decodeMask(meta.global, meta.knownScripts),
  };
}

export function decodeChunkRows(chunk: TableChunk | undefined, scripts: readonly string[]): Row[] {
  return (chunk?.rows ?? []).map(([code, id, name, mask, key]) => {
    const row: Row = { type: TYPE_OF_CODE[code] as RowType, id, name, allowed: decodeMask(mask, scripts) };
    if (key !== undefined) row.key = key;
    return row;
  });
}

/** The row a decision bucket holds for one subject, if any. */
export function decisionRow(
  bucket: DecisionBucket | undefined,
  type: DecisionType,
  id: string,
  scripts: readonly string[],
): Row | undefined {
  const mask = bucket?.m[id];
  if (mask === undefined) return undefined;
  return { type, id, name: bucket?.n?.[id] ?? '', allowed: decodeMask(mask, scripts) };
}
