/**
 * What a script's form is made of, so that adding a script's form is adding
 * one module under `forms/` and one line in `registry.ts`. Kept free of
 * React values (type imports only) so the pure parts stay unit-testable.
 */
import type { ComponentType } from 'react';
import type { SpaceSummary } from '../types';

/** A message per draft field ("add", "target", "olderThanDays"), shown under that field. */
export type FieldErrors = Readonly<Record<string, string>>;

/** What the page sends as `input`, or the fields to fix first (nothing is sent then). */
export type InputResult = { ok: true; input: Record<string, unknown> } | { ok: false; errors: FieldErrors };

export interface ScriptFormProps<Draft> {
  draft: Draft;
  onChange: (next: Draft) => void;
  errors: FieldErrors;
  /** True while a preview or start is on its way: fields are read-only. */
  disabled: boolean;
  /** The space the page was opened in (where the script acts). */
  space: SpaceSummary;
}

/**
 * One script's form. `toInput` turns what the person typed into the
 * script's input (src/contract/scripts.ts), checking only what the page can
 * say better than the server; the server checks the input again and its
 * BAD_REQUEST `field` (`input.add[0]`) is shown under the draft field of
 * the same name, so draft fields are named after the input's fields.
 */
export interface ScriptForm<Draft> {
  initialDraft: Draft;
  Fields: ComponentType<ScriptFormProps<Draft>>;
  toInput: (draft: Draft) => InputResult;
}
