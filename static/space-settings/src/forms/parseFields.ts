/**
 * Turning what a person typed into script input values, and a server's
 * BAD_REQUEST field back into the form field it is about. Pure: no DOM,
 * no React. The server checks every value again (src/contract/scripts.ts);
 * these checks only give a clearer message before anything is sent.
 */
import type { Target } from '../../../../src/contract/scripts';
import type { FieldErrors, InputResult } from './formTypes';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Label names separated by spaces or commas (neither may be part of a
 * Confluence label), lower-cased as Confluence stores them, without repeats.
 */
export function parseLabelList(text: string): string[] {
  const labels: string[] = [];
  for (const part of text.split(/[\s,]+/)) {
    const label = part.trim().toLowerCase();
    if (label && !labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** An optional whole number of days ("older than"): empty means no filter. */
export function parseOptionalDays(text: string): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter a whole number of days, or leave it empty.' };
  const days = Number(trimmed);
  if (days > 36_500) return { ok: false, message: 'Enter at most 36500 days (100 years).' };
  return { ok: true, value: days };
}

/** An optional size in KB (1 KB = 1024 bytes), as bytes: empty means no filter. */
export function parseOptionalKilobytes(text: string): Parsed<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: 'Enter a size in KB, or leave it empty.' };
  return { ok: true, value: Math.round(Number(trimmed) * 1024) };
}

/** Where a bulk script acts, as the form holds it: the page is kept with its title for the picker. */
export interface TargetDraft {
  scope: 'space' | 'tree';
  page?: { id: string; title: string };
}

export const SPACE_TARGET: TargetDraft = { scope: 'space' };

export function parseTarget(draft: TargetDraft): Parsed<Target> {
  if (draft.scope === 'space') return { ok: true, value: { type: 'space' } };
  if (!draft.page) return { ok: false, message: 'Choose the page whose tree the script acts on.' };
  return { ok: true, value: { type: 'tree', pageId: draft.page.id } };
}

/**
 * Collects parsed fields into a script input: the values that parsed go
 * into `input` (undefined ones are left out), the others become errors by
 * field name. `checks` adds errors that concern several fields at once.
 */
export function collectInput(
  fields: Record<string, Parsed<unknown>>,
  checks: (input: Record<string, unknown>) => FieldErrors = () => ({}),
): InputResult {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, parsed] of Object.entries(fields)) {
    if (!parsed.ok) errors[name] = parsed.message;
    else if (parsed.value !== undefined) input[name] = parsed.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const combined = checks(input);
  if (Object.keys(combined).length > 0) return { ok: false, errors: combined };
  return { ok: true, input };
}

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/**
 * The form field a server error is about: `input.add[0]` -> `add`,
 * `input.target.pageId` -> `target`. An error about the whole input or
 * about something else (`scriptKey`) is not a field's: undefined.
 */
export function formFieldOf(serverField: string | undefined): string | undefined {
  if (!serverField) return undefined;
  const match = /^input\.([A-Za-z_$][\w$]*)/.exec(serverField);
  return match?.[1];
}
