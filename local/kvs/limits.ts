/**
 * The platform limits the emulator enforces. Defaults are Forge's documented
 * numbers (see docs/local-kvs.md for the source of each); tests may lower them.
 */
export interface KvsLimits {
  /** Longest key, in characters ("KVS and Custom Entity Store limits": 500). */
  maxKeyLength: number;
  /** Largest persisted value, UTF-8 bytes of its JSON (240 KiB). */
  maxValueBytes: number;
  /** Deepest nesting of objects/arrays in a value, root container = 1 (32). */
  maxDepth: number;
  /** Page size when a query gives no limit (10). */
  defaultQueryLimit: number;
  /** Largest page a KVS or entity query may ask for (100). */
  maxQueryLimit: number;
  /** Most keys in one batch get/set/delete (25). */
  maxBatchItems: number;
  /** Largest batch request payload in bytes (4 MB). */
  maxBatchPayloadBytes: number;
  /** Most operations (set + delete + check) in one transaction (25). */
  maxTransactionOperations: number;
  /** Largest transaction request payload in bytes (4 MB). */
  maxTransactionPayloadBytes: number;
  /** Entity name length bounds (3..60). */
  minEntityNameLength: number;
  maxEntityNameLength: number;
  /** Requests per second per installation (1000). */
  requestsPerSecond: number;
  /** Read and write request units per minute per installation (4000 each). */
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
  /** Size of one request unit in bytes: requests are rounded up to 10 KB. */
  requestUnitBytes: number;
}

/** 4 MB, read as decimal megabytes: the stricter of the two readings. */
const FOUR_MB = 4_000_000;

export const DEFAULT_KVS_LIMITS: Readonly<KvsLimits> = Object.freeze({
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxDepth: 32,
  defaultQueryLimit: 10,
  maxQueryLimit: 100,
  maxBatchItems: 25,
  maxBatchPayloadBytes: FOUR_MB,
  maxTransactionOperations: 25,
  maxTransactionPayloadBytes: FOUR_MB,
  minEntityNameLength: 3,
  maxEntityNameLength: 60,
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  requestUnitBytes: 10_000,
});

export function resolveLimits(overrides: Partial<KvsLimits> | undefined): KvsLimits {
  const limits: KvsLimits = { ...DEFAULT_KVS_LIMITS, ...(overrides ?? {}) };
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new TypeError(`KVS emulator limit ${name} must be a non-negative number, got ${String(value)}`);
    }
  }
  return limits;
}
