/**
 * A script run as it is stored: what the pages show (src/contract/scripts.ts
 * `ScriptRun`) and what the engine needs to continue it in a later
 * invocation (its token, the script's cursor, the chunk under way).
 */
import type { RunFailure, RunState, ScriptKey, ScriptRun } from '../../contract/scripts';

/** JSON the engine can store as is (a cursor, an item's data or state). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Per-run storage for what outgrows a cursor. Keys are the script's own (letters, digits, `.:_-`), values JSON. */
export interface RunScratch {
  get<T extends Json>(key: string): Promise<T | undefined>;
  set(key: string, value: Json): Promise<void>;
  /** Several keys at once (one platform round trip for up to 25). */
  getMany<T extends Json>(keys: readonly string[]): Promise<Map<string, T>>;
  setMany(entries: readonly { key: string; value: Json }[]): Promise<void>;
}

/** One thing a run acts on. Small: a chunk's items are stored in one KVS value with the run. */
export interface WorkItem {
  /** Unique within the run (a content id, or a phase-qualified id such as `space:NEW`). */
  id: string;
  /** For the person reading failures ("Meeting notes"). */
  title?: string;
  /** What `apply` needs beyond the id (the page a comment sits on, the label names to remove…). */
  data?: JsonObject;
}

export const RUN_SCHEMA_VERSION = 1;
/** Failures kept with the run; `progress.failed` counts them all. */
export const MAX_FAILURES_KEPT = 100;

/** An item of the chunk under way, with what an earlier attempt saved. */
export interface PendingItem extends WorkItem {
  state?: JsonObject;
  /** A long task is waited on: do not offer it again before this time (ms). */
  notBefore?: number;
}

export interface StoredRun {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  runId: string;
  scriptKey: ScriptKey;
  space: { id: string; key: string };
  startedBy: { accountId: string; displayName?: string };
  startedAt: string;
  startedAtMs: number;
  finishedAt?: string;
  /**
   * When the run was last saved (ms, src/clock.ts): every working attempt
   * saves it first and after each chunk, so a run unfinished and unsaved for
   * longer than any event could still be working on it has stalled (stalled.ts).
   * Absent on runs stored before it existed: their start counts.
   */
  progressAt?: number;
  input: Record<string, unknown>;
  /** Names of the ids in `input`, looked up at start (ScriptRun `inputNames`). */
  inputNames?: ScriptRun['inputNames'];
  state: RunState;
  progress: { done: number; total: number; failed: number };
  failures: RunFailure[];
  message?: string;
  links?: ScriptRun['links'];
  /** The event allowed to work on the run; a continuation's event is named in `nextToken` first. */
  token: string;
  nextToken?: string;
  /** The Forge event (eventId) working on the run; its retries share it, a duplicate push does not. */
  ownerEventId?: string;
  /** The script's position (its `discover` cursor); undefined before the first chunk. */
  cursor?: JsonObject;
  discoveryDone: boolean;
  /** Items discovered so far. */
  found: number;
  /** The chunk under way: stored with the cursor that follows it, before any of it is applied. */
  batch: PendingItem[];
  /** Items waiting on a long task. */
  waiting: PendingItem[];
  /** Figures for the run's summary and the bench. */
  stats: { chunks: number; invocations: number; rateLimitedWaits: number };
}
