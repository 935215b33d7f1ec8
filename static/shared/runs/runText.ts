/**
 * A script run in words, for both pages (the space's runs and the admin
 * page's Script runs tab). Pure: no DOM, no React.
 */
import type { InputNames, RunState, ScriptRunSummary } from '../../../src/contract/scripts';

export const RUN_STATE_LABELS: Record<RunState, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

/** ADS Lozenge appearances: in progress blue, done green, failed red, cancelled or stopped yellow. */
export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved';

export const RUN_STATE_APPEARANCES: Record<RunState, LozengeAppearance> = {
  queued: 'default',
  running: 'inprogress',
  succeeded: 'success',
  failed: 'removed',
  cancelled: 'moved',
  stopped: 'moved',
};

export function isRunFinished(state: RunState): boolean {
  return state !== 'queued' && state !== 'running';
}

type Progress = ScriptRunSummary['progress'];

/** How far the bar is filled, 0 to 100: the items handled (done and failed) of the total. */
export function progressPercent(progress: Progress, state: RunState): number {
  if (progress.total <= 0) return isRunFinished(state) ? 100 : 0;
  const handled = Math.min(progress.total, progress.done + progress.failed);
  return Math.round((handled / progress.total) * 100);
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "12 of 40 items done, 2 failed" (the failed count only when there are failures). */
export function progressText(progress: Progress): string {
  const base = `${progress.done.toLocaleString('en')} of ${plural(progress.total, 'item', 'items')} done`;
  return progress.failed > 0 ? `${base}, ${progress.failed.toLocaleString('en')} failed` : base;
}

/** The sentence at the end of a run, or while it is under way. */
export function outcomeText(run: Pick<ScriptRunSummary, 'state' | 'progress' | 'message'>): string {
  const counts = progressText(run.progress);
  switch (run.state) {
    case 'queued':
      return 'Waiting to start.';
    case 'running':
      return `Running: ${counts}.`;
    case 'succeeded':
      return run.progress.failed > 0 ? `Finished with failures: ${counts}.` : `Finished: ${counts}.`;
    case 'failed':
      return `Failed: ${counts}.`;
    case 'cancelled':
      return `Cancelled: ${counts} before it stopped.`;
    case 'stopped':
      return `Stopped: ${counts} before it stopped.`;
  }
}

/** Who started it: the name when known, else the account id. */
export function personName(person: { accountId: string; displayName?: string }): string {
  return person.displayName?.trim() || person.accountId;
}

export interface InputLine {
  label: string;
  value: string;
}

const FIELD_LABELS: Record<string, string> = {
  target: 'Pages',
  add: 'Labels to add',
  remove: 'Labels to remove',
  olderThanDays: 'Older than',
  authorAccountIds: 'Authors',
  kinds: 'Comments',
  fileNamePattern: 'File name',
  mediaTypes: 'Media types',
  minSizeBytes: 'Larger than',
  purge: 'Purge',
  types: 'Trashed content',
  pageId: 'Page',
  destinationPageId: 'Destination page',
  titlePrefix: 'Title prefix',
  copyAttachments: 'Copy attachments',
  copyLabels: 'Copy labels',
  copyRestrictions: 'Copy restrictions',
  copyBlogPosts: 'Copy blog posts',
  copyPermissions: 'Copy permissions',
  newSpaceKey: 'New space key',
  newSpaceName: 'New space name',
};

const KIND_WORDS: Record<string, string> = {
  footer: 'footer',
  inline: 'inline',
  page: 'pages',
  blogpost: 'blog posts',
  attachment: 'attachments',
};

/** "“Spring launch”" when the run kept the page's title, else "Page 10010003". */
function pageText(id: unknown, names: InputNames): string {
  const title = names.pages?.[String(id)];
  return title !== undefined ? `“${title}”` : `Page ${String(id)}`;
}

function formatValue(field: string, value: unknown, names: InputNames): string {
  if (field === 'target' && typeof value === 'object' && value !== null) {
    const target = value as { type?: unknown; pageId?: unknown };
    if (target.type === 'space') return 'Every page in the space';
    if (target.type === 'tree') return `${pageText(target.pageId, names)} and all pages below it`;
  }
  if ((field === 'pageId' || field === 'destinationPageId') && typeof value === 'string') return pageText(value, names);
  if (field === 'authorAccountIds' && Array.isArray(value)) {
    return value.length === 0 ? 'Anyone' : value.map((id) => names.people?.[String(id)] ?? String(id)).join(', ');
  }
  if (field === 'olderThanDays' && typeof value === 'number') return plural(value, 'day', 'days');
  if (field === 'minSizeBytes' && typeof value === 'number') return formatBytes(value);
  if ((field === 'kinds' || field === 'types') && Array.isArray(value)) {
    return value.map((v) => KIND_WORDS[String(v)] ?? String(v)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map(String).join(', ');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * A run's input as labelled lines, in the input's own order; fields the
 * page does not know keep their name. Pages and people are named from
 * `names` (kept with the run at its start) where it has them, else by id.
 */
export function describeInput(input: Record<string, unknown>, names: InputNames = {}): InputLine[] {
  return Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .map(([field, value]) => ({ label: FIELD_LABELS[field] ?? field, value: formatValue(field, value, names) }));
}

/** "512 bytes", "10 KB", "2.5 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte', 'bytes');
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(1)).toLocaleString('en')} ${units[unit]}`;
}

/**
 * The run's own message when it says more than the counts (a reason it
 * stopped, a script's summary); the engine's plain "4 of 4 done." repeats
 * what outcomeText already says.
 */
export function extraMessage(run: Pick<ScriptRunSummary, 'message'>): string | undefined {
  const message = run.message?.trim();
  if (!message || /^[\d,]+ of [\d,]+ done(, [\d,]+ failed)?\.?$/.test(message)) return undefined;
  return message;
}
