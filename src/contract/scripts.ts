/**
 * The built-in scripts' resolver functions (README "Built-in scripts"):
 * the inputs each script takes, the preview, and a run as the pages show
 * it. Module `space-settings` (the user and the space come from Forge's
 * context, never the payload) and the admin page's `listScriptRuns`.
 */
import { z } from 'zod';

// ---- ids and small values --------------------------------------------------

/** Confluence content ids are numeric strings (v2 reference: "id": string, a Long). */
export const ContentId = z.string().regex(/^[0-9]{1,20}$/, 'must be a Confluence page id (digits only)');
export const AccountId = z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters');
export const RunId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a run id as startScript answered it');
const Days = z.int('must be a whole number of days').min(0, 'must be 0 or more').max(36_500, 'must be at most 36500');
const Cursor = z.string().min(1).max(512, 'must be a cursor from a previous answer');

/**
 * Confluence label names: lower-cased by Confluence, at most 255 characters,
 * no white space and none of `!#&()*,.:;<>?@[]^` (v1 "Add labels to content").
 */
export const LabelName = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[^\s!#&()*,.:;<>?@[\]^]+$/, 'must have no spaces and none of ! # & ( ) * , . : ; < > ? @ [ ] ^');

/** Space keys as Confluence accepts them for a new space: letters and digits (v1 "Create space"). */
export const NewSpaceKey = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[A-Za-z0-9]+$/, 'must contain only letters and digits');

/** Where a bulk script acts: every current page of the space, or a page and all its descendants. */
export const Target = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('space') }),
  z.strictObject({ type: z.literal('tree'), pageId: ContentId }),
]);
export type Target = z.infer<typeof Target>;

// ---- each script's input (README "Built-in scripts") ---------------------

export const BulkLabelsInput = z
  .strictObject({
    target: Target,
    add: z.array(LabelName).max(50, 'at most 50 labels').default([]),
    remove: z.array(LabelName).max(50, 'at most 50 labels').default([]),
  })
  .refine((i) => i.add.length + i.remove.length > 0, { error: 'add or remove at least one label', path: ['add'] });

export const BulkDeleteCommentsInput = z.strictObject({
  target: Target,
  olderThanDays: Days.optional(),
  authorAccountIds: z.array(AccountId).max(50, 'at most 50 authors').optional(),
  kinds: z
    .array(z.enum(['footer', 'inline']))
    .min(1, 'choose footer or inline comments')
    .optional(),
});

export const BulkDeleteAttachmentsInput = z.strictObject({
  target: Target,
  /** A glob over the file name (`*.png`, `report-202?-*`), case-insensitive. */
  fileNamePattern: z.string().min(1).max(255, 'must be at most 255 characters').optional(),
  mediaTypes: z.array(z.string().min(1).max(255)).max(50, 'at most 50 media types').optional(),
  olderThanDays: Days.optional(),
  minSizeBytes: z.int().min(0, 'must be 0 or more').optional(),
  /** Purge (cannot be undone) instead of moving to the trash. */
  purge: z.boolean().optional(),
});

export const BulkPurgeTrashInput = z.strictObject({
  olderThanDays: Days.optional(),
  types: z
    .array(z.enum(['page', 'blogpost', 'attachment']))
    .min(1, 'choose at least one kind of content')
    .optional(),
});

export const DeletePageTreeInput = z.strictObject({ pageId: ContentId });

export const CopyPageTreeInput = z.strictObject({
  pageId: ContentId,
  destinationPageId: ContentId,
  titlePrefix: z.string().max(100, 'must be at most 100 characters').optional(),
  copyAttachments: z.boolean().optional(),
  copyLabels: z.boolean().optional(),
  copyRestrictions: z.boolean().optional(),
});

export const CopySpaceInput = z.strictObject({
  newSpaceKey: NewSpaceKey,
  newSpaceName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  copyBlogPosts: z.boolean().optional(),
  copyAttachments: z.boolean().optional(),
  copyLabels: z.boolean().optional(),
  copyPermissions: z.boolean().optional(),
});

/** Every built-in script's input schema, by catalog key. */
export const SCRIPT_INPUTS = {
  'bulk-labels': BulkLabelsInput,
  'bulk-delete-comments': BulkDeleteCommentsInput,
  'bulk-delete-attachments': BulkDeleteAttachmentsInput,
  'bulk-purge-trash': BulkPurgeTrashInput,
  'delete-page-tree': DeletePageTreeInput,
  'copy-page-tree': CopyPageTreeInput,
  'copy-space': CopySpaceInput,
} as const;
export type ScriptKey = keyof typeof SCRIPT_INPUTS;
export const SCRIPT_KEYS = Object.keys(SCRIPT_INPUTS) as ScriptKey[];
export type ScriptInput<K extends ScriptKey> = z.output<(typeof SCRIPT_INPUTS)[K]>;
export const ScriptKeyField = z.enum(SCRIPT_KEYS as [ScriptKey, ...ScriptKey[]], 'must be a built-in script key');

// ---- payloads ---------------------------------------------------------------

/** `input` is checked against the script's own schema by the server (field paths start at `input`). */
export const PreviewScriptPayload = z.strictObject({ scriptKey: ScriptKeyField, input: z.unknown() });
export type PreviewScriptPayload = z.infer<typeof PreviewScriptPayload>;

export const StartScriptPayload = z.strictObject({
  scriptKey: ScriptKeyField,
  input: z.unknown(),
  /** Required (true) when the preview said `permanent`: the person confirmed it cannot be undone. */
  confirmed: z.boolean().optional(),
});
export type StartScriptPayload = z.infer<typeof StartScriptPayload>;

export const RunRefPayload = z.strictObject({ runId: RunId });
export type RunRefPayload = z.infer<typeof RunRefPayload>;

export const ListSpaceRunsPayload = z.union([z.strictObject({ cursor: Cursor.optional() }), z.undefined()]);
export const ListSiteRunsPayload = z.union([
  z.strictObject({
    cursor: Cursor.optional(),
    spaceKey: z
      .string()
      .regex(/^[A-Za-z0-9~]{1,255}$/, 'must be a space key')
      .optional(),
    scriptKey: ScriptKeyField.optional(),
    accountId: AccountId.optional(),
  }),
  z.undefined(),
]);

// ---- answers ----------------------------------------------------------------

export const PreviewItem = z.object({
  /** The content id acted on (page, comment, attachment, blog post). */
  id: z.string(),
  kind: z.enum(['page', 'blogpost', 'comment', 'attachment', 'space']),
  title: z.string(),
  /** The page it sits on, for comments and attachments. */
  page: z.object({ id: z.string(), title: z.string() }).optional(),
  /** Why it matches, in words ("footer comment by Bob, 400 days old"). */
  reason: z.string(),
  /** What the run would do to it ("add labels: a, b"). */
  action: z.string(),
  /** Depth below the target's root (trees), 0 for the root. */
  depth: z.int().optional(),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

export const PREVIEW_ITEMS_SHOWN = 50;

export const ScriptPreview = z.object({
  scriptKey: ScriptKeyField,
  /** How many items the run would act on, now. */
  total: z.int(),
  /** The first items (at most PREVIEW_ITEMS_SHOWN). */
  items: z.array(PreviewItem),
  /** True when it cannot be undone (permanent deletion, purge). startScript then needs `confirmed: true`. */
  permanent: z.boolean(),
  /** One sentence a person reads before running. */
  summary: z.string(),
  warnings: z.array(z.string()),
});
export type ScriptPreview = z.infer<typeof ScriptPreview>;

export const RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'stopped'] as const;
export const RunState = z.enum(RUN_STATES);
export type RunState = z.infer<typeof RunState>;
export const isFinished = (state: RunState): boolean => state !== 'queued' && state !== 'running';

export const RunFailure = z.object({
  itemId: z.string(),
  title: z.string().optional(),
  reason: z.string(),
});
export type RunFailure = z.infer<typeof RunFailure>;

export const Person = z.object({ accountId: z.string(), displayName: z.string().optional() });

export const ScriptRunSummary = z.object({
  runId: RunId,
  scriptKey: ScriptKeyField,
  spaceKey: z.string(),
  state: RunState,
  progress: z.object({ done: z.int(), total: z.int(), failed: z.int() }),
  startedBy: Person,
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why a run stopped or failed ("access withdrawn: …"), or the final summary. */
  message: z.string().optional(),
});
export type ScriptRunSummary = z.infer<typeof ScriptRunSummary>;

/**
 * Names for the ids in a run's input, as they were when it started (the
 * pages' titles as the starter saw them, people's display names), so the
 * pages can say "“Spring launch” and all pages below it" instead of an id.
 * An id without a name here is shown as the id.
 */
export const InputNames = z.object({
  pages: z.record(z.string(), z.string()).optional(),
  people: z.record(z.string(), z.string()).optional(),
});
export type InputNames = z.infer<typeof InputNames>;

export const ScriptRun = ScriptRunSummary.extend({
  input: z.record(z.string(), z.unknown()),
  inputNames: InputNames.optional(),
  /** The first failures with their reasons (at most 100 are kept; `progress.failed` counts all). */
  failures: z.array(RunFailure),
  cancelRequested: z.boolean(),
  /** Links a run leaves behind: a copied space, the permission-change job it queued. */
  links: z
    .object({ spaceKey: z.string().optional(), permissionJobId: z.string().optional(), pageId: z.string().optional() })
    .optional(),
});
export type ScriptRun = z.infer<typeof ScriptRun>;

export const ScriptRunPage = z.object({ runs: z.array(ScriptRunSummary), nextCursor: z.string().optional() });
export type ScriptRunPage = z.infer<typeof ScriptRunPage>;

// ---- the audit log's run entries (admin page `getScriptRunAudit`) ----------

export const RunAuditPayload = z.union([z.strictObject({ cursor: Cursor.optional() }), z.undefined()]);

/** One run's start or end as the audit log keeps it. */
export interface RunAuditEntry {
  kind: 'run-started' | 'run-ended';
  at: string;
  by: { accountId: string };
  runId: string;
  scriptKey: string;
  space: { id: string; key: string };
  /** On a start: the input it was given, and the names of the ids in it. */
  input?: Record<string, unknown>;
  inputNames?: InputNames;
  /** On an end: its state, figures and final message. */
  outcome?: { state: string; done: number; failed: number; total: number; message?: string };
}

export interface RunAuditPage {
  entries: RunAuditEntry[];
  nextCursor?: string;
  /** Display names of the people the entries name (`by`, authors in inputs), looked up in one call. */
  people?: Record<string, string>;
}
