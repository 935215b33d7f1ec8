/**
 * A Confluence long task's messages in plain words. Pure.
 *
 * `GET /wiki/rest/api/longtask/{id}` answers `messages` and `errors` as
 * `{key?, translation?, args: (string | object)[]}` with status keys such as
 * WARN_RENAME_PAGE or ERROR_COPY_PAGE (v1 "Long-running task" reference,
 * LongTaskStatus). Confluence usually sends an English `translation`; the
 * key and its arguments are the fallback. The order of `args` per key is
 * not documented: the emulator's choice (docs/local-confluence.md) is a guess.
 */

export interface LongTaskMessage {
  key?: string;
  translation?: string;
  args?: readonly unknown[];
}

export type MessageKind = 'status' | 'warning' | 'error';

export interface TaskNote {
  kind: MessageKind;
  key: string;
  /** One sentence a person reads in the run's summary. */
  text: string;
  /** The page title the message names, when it names one (first argument). */
  pageTitle?: string;
  /** Every argument as text (page ids and titles a message names). */
  args: string[];
}

const argText = (arg: unknown): string | undefined => {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    for (const field of ['title', 'name', 'value', 'id']) if (typeof o[field] === 'string') return o[field] as string;
  }
  return undefined;
};

/** Plain sentences per key, from the arguments Confluence passes (first = the page title). */
const WORDS: Record<string, (a: (string | undefined)[]) => string> = {
  WARN_RENAME_PAGE: ([from, to]) =>
    to
      ? `“${from}” was copied as “${to}”: a page with that title already exists in the destination space.`
      : `“${from}” was renamed: a page with that title already exists in the destination space.`,
  WARN_IGNORE_COPY_PERMISSION: ([page]) => `Restrictions on “${page}” were not copied.`,
  WARN_IGNORE_VIEW_RESTRICTED: ([page]) => `“${page}” was left out: you may not view it.`,
  WARN_IGNORE_EDIT_RESTRICTED: ([page]) => `Edit restrictions on “${page}” were not copied.`,
  WARN_IGNORE_COPY_ATTACHMENT: ([name, page]) =>
    page ? `The attachment “${name}” on “${page}” was not copied.` : `The attachment “${name}” was not copied.`,
  WARN_IGNORE_DELETE_PAGE: ([page]) => `“${page}” was not deleted: it is restricted.`,
  ERROR_COPY_PAGE: ([page]) => `“${page}” could not be copied.`,
  ERROR_LOCK_FAILED: () => 'Confluence could not lock the destination space; try again later.',
  ERROR_RELINK: () => 'Links between the copied pages could not all be updated.',
  ERROR_UNKNOWN: () => 'Confluence reported an unknown error.',
};

export function describeMessage(message: LongTaskMessage): TaskNote {
  const key = message.key ?? 'UNKNOWN_STATUS';
  const kind: MessageKind = key.startsWith('ERROR_') ? 'error' : key.startsWith('WARN_') ? 'warning' : 'status';
  const args = (message.args ?? []).map(argText);
  const pageTitle = kind === 'status' ? undefined : args[0];
  const words = WORDS[key];
  const text = message.translation?.trim() || (words ? words(args) : `Confluence said: ${key}.`);
  return {
    kind,
    key,
    text,
    args: args.filter((a): a is string => a !== undefined),
    ...(pageTitle ? { pageTitle } : {}),
  };
}

/** Warnings and errors of a task (status messages dropped), each sentence once, in order. */
export function taskNotes(messages: readonly LongTaskMessage[], errors: readonly LongTaskMessage[] = []): TaskNote[] {
  const seen = new Set<string>();
  const out: TaskNote[] = [];
  for (const m of [...messages, ...errors]) {
    const note = describeMessage(m);
    if (note.kind === 'status' || seen.has(note.text)) continue;
    seen.add(note.text);
    out.push(note);
  }
  return out;
}

/** A task's percentage as items done of `total`, never more than total, never backwards past 0. */
export const doneFromPercentage = (percentage: number, total: number): number =>
  Math.max(0, Math.min(total, Math.floor((Math.max(0, Math.min(100, percentage)) * total) / 100)));
