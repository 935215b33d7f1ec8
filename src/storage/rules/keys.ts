/**
 * Every KVS key the rules store uses. Keys must match Forge's
 * `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/` and be at most 500 characters: subject
 * ids never appear in a key, only the number of the bucket they hash to, so
 * no accountId, group id or space id can break the key format.
 */
export const META_ENTITY = 'rulesmeta';
export const META_KEY = 'rules';

/** Table chunks (full rows with names) for the admin page. */
export const TABLE_CHUNKS = 64;
/** Decision index buckets per subject type: a decision reads one user, one space and up to GROUP_BUCKETS group buckets. */
export const USER_BUCKETS = 64;
export const SPACE_BUCKETS = 64;
export const GROUP_BUCKETS = 16;

/** FNV-1a: a stable, well-spread hash for bucketing subject ids. */
export function bucketOf(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

export type DecisionType = 'user' | 'space' | 'group';
const DECISION_CODE: Record<DecisionType, string> = { user: 'u', space: 's', group: 'g' };
const DECISION_BUCKETS: Record<DecisionType, number> = {
  user: USER_BUCKETS,
  space: SPACE_BUCKETS,
  group: GROUP_BUCKETS,
};

export const tableChunkKey = (chunk: number): string => `rules:tbl:${chunk}`;
export const tableChunkOf = (type: string, id: string): number => bucketOf(`${type}:${id}`, TABLE_CHUNKS);

export const decisionBucketKey = (type: DecisionType, bucket: number): string =>
  `rules:dx:${DECISION_CODE[type]}:${bucket}`;
export const decisionKeyFor = (type: DecisionType, id: string): string =>
  decisionBucketKey(type, bucketOf(id, DECISION_BUCKETS[type]));

export const allTableChunkKeys = (): string[] => Array.from({ length: TABLE_CHUNKS }, (_, i) => tableChunkKey(i));
export const allDecisionKeys = (): string[] => [
  ...Array.from({ length: USER_BUCKETS }, (_, i) => decisionBucketKey('user', i)),
  ...Array.from({ length: SPACE_BUCKETS }, (_, i) => decisionBucketKey('space', i)),
  ...Array.from({ length: GROUP_BUCKETS }, (_, i) => decisionBucketKey('group', i)),
];

/** Where a save stages a value before its commit makes it the truth. */
export const stagedKey = (version: number, writer: string, key: string): string =>
  `rules:stage:${version}:${writer}:${key}`;

/** Audit entries sort newest first: the key carries 10^12 minus the version. */
export const AUDIT_PREFIX = 'rules:audit:';
export const auditKey = (version: number): string => `${AUDIT_PREFIX}${String(1e12 - version).padStart(13, '0')}`;
