/**
 * The shape of a built-in script, as the run engine drives it. A script is
 * one module that implements `ScriptModule` plus one entry in
 * `src/rules/catalog.ts`; the registry (`./registry.ts`) lists the modules.
 *
 * How the engine uses a module (src/scripts/engine.ts):
 *   preview:  `preview(ctx, input)` once, changing nothing.
 *   a run:    `discover(ctx, input, cursor)` hands out the next batch of
 *             work items and the cursor to continue from; the engine stores
 *             the batch and the cursor together, then calls `apply` on each
 *             item (several at once, up to the module's `concurrency`), and
 *             saves the outcomes after the chunk. A consumer that dies in
 *             the middle of a chunk is followed by one that applies the same
 *             chunk again, so `apply` MUST be idempotent: applying an item
 *             that is already done answers `done` (or `skipped`) and changes
 *             nothing. Where one step cannot be repeated safely (starting a
 *             Confluence long task, creating a space), the module records it
 *             with `item.checkpoint(state)` before going on; the next attempt
 *             receives that state in `item.state`.
 *   phases:   a multi-phase script keeps its phase in its cursor
 *             (`{phase: 'pages', cursor: '…'}`); `discover` answering
 *             `next: undefined` ends the run. A run's scratch space
 *             (`ctx.scratch`) holds what outgrows a cursor (an old-id to
 *             new-id map while copying a space).
 *   long tasks: an item whose Confluence long task is still running answers
 *             `{status: 'wait', state, retryInSeconds}`; the engine keeps it
 *             (with its state) and offers it again in a later chunk.
 */
import type { z } from 'zod';
import type { ScriptKey, ScriptPreview, ScriptRun } from '../contract/scripts';
import type { Json, JsonObject, RunScratch, WorkItem } from '../storage/runs/model';

// Stored as they are, so they are defined with the run's storage; script modules import them from here.
export type { Json, JsonObject, RunScratch, WorkItem };

/** Where a run or a preview acts, and for whom. Taken from Forge's context when it started, never from a payload. */
export interface RunScope {
  space: { id: string; key: string };
  /** The person who started it: every content call is checked against their own permission. */
  accountId: string;
  /** When the run (or the preview) started, ms since the epoch: age filters mean the same in every chunk. */
  startedAt: number;
}

/** A user's permission check on one piece of content, made as the app (see docs/architecture.md, "Runs"). */
export type PermissionAnswer = { allowed: true } | { allowed: false; reason: string };
export type ContentOperation = 'read' | 'update' | 'delete';

/** What a script may use while it previews or runs. */
export interface ScriptContext {
  scope: RunScope;
  /** Absent in a preview. */
  runId?: string;
  /**
   * May the run's user do `operation` on `contentId`? Asked of Confluence
   * (`POST /wiki/rest/api/content/{id}/permission/check`), which answers for
   * pages and blog posts: check a comment or an attachment on its page.
   * Every write a script makes as the app must be preceded by this check; a
   * refusal fails that item with the reason, never the run.
   */
  userMay(contentId: string, operation: ContentOperation): Promise<PermissionAnswer>;
  /** Absent in a preview. */
  scratch?: RunScratch;
}

/** An item as `apply` receives it: with what an earlier attempt recorded, and the way to record more. */
export interface ItemInProgress extends WorkItem {
  /** What an earlier attempt saved with `checkpoint`, or what a `wait` answer left. */
  state?: JsonObject;
  /** Saves `state` for this item now (one storage write), before a step that must not be repeated. */
  checkpoint(state: JsonObject): Promise<void>;
}

export type ItemOutcome =
  /** Applied (or found already applied: idempotent). */
  | { status: 'done' }
  /** Nothing to do (the label was already there, the comment already gone); counts as done. */
  | { status: 'skipped'; reason: string }
  /** Not applied, with the reason a person can act on ("you may not edit this page"). The run goes on. */
  | { status: 'failed'; reason: string }
  /** A long task is still running: offer this item again later with `state`. */
  | { status: 'wait'; state: JsonObject; retryInSeconds: number };

/** A batch of work and where to continue; `next` undefined means nothing more to find. */
export interface Discovery {
  items: WorkItem[];
  next?: JsonObject;
  /**
   * How many items the whole run will have, when the script knows it (a
   * count it just made). The engine otherwise shows the total of items
   * found so far while discovery goes on.
   */
  total?: number;
}

/** What a run leaves behind for the page: a final sentence, links. */
export interface RunEnding {
  message?: string;
  links?: ScriptRun['links'];
}

export interface ScriptModule<Schema extends z.ZodType = z.ZodType> {
  key: ScriptKey;
  /** The input schema (from src/contract/scripts.ts). */
  input: Schema;
  /** Cannot be undone (permanent deletion, purge): the preview says so and startScript needs `confirmed: true`. */
  permanent(input: z.output<Schema>): boolean;
  /** What a run would do now, changing nothing: the total, the first items with their page and why they match. */
  preview(ctx: ScriptContext, input: z.output<Schema>): Promise<ScriptPreview>;
  /**
   * The next batch of work, at most `limit` items. `cursor` is undefined on
   * the first call, then whatever the last call answered as `next`.
   */
  discover(
    ctx: ScriptContext,
    input: z.output<Schema>,
    cursor: JsonObject | undefined,
    limit: number,
  ): Promise<Discovery>;
  /** Applies one item; idempotent (see the header). Throwing fails the item with a generic reason. */
  apply(ctx: ScriptContext, input: z.output<Schema>, item: ItemInProgress): Promise<ItemOutcome>;
  /**
   * Checks a run must pass before it is recorded (startScript answers the
   * refusal and nothing runs): what the preview refuses, asked again
   * because the page's preview proves nothing. Throws the AppError.
   */
  checkStart?(ctx: ScriptContext, input: z.output<Schema>): Promise<void>;
  /** After the last item, for the final summary. */
  finish?(ctx: ScriptContext, input: z.output<Schema>, progress: ScriptRun['progress']): Promise<RunEnding>;
  /** How many items the engine applies at once (Confluence's rate limits; default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Items per discovered batch the engine asks for (default DEFAULT_CHUNK_SIZE); discover may answer fewer. */
  chunkSize?: number;
}

/** A module whose input type is not known at the call site (the registry's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module fixes its own schema; the registry holds them all
export type AnyScriptModule = ScriptModule<any>;

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_CHUNK_SIZE = 100;
