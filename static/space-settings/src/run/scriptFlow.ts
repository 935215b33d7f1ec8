/**
 * One script's form, preview and start as a state machine. Pure: the page
 * turns each resolver answer into an action. A preview belongs to the input
 * it was made for: any edit drops it, so Run always runs what was previewed.
 */
import type { ScriptPreview } from '../../../../src/contract/scripts';
import type { ResolverError, ResolverResult } from '../../../shared/resolverResult';
import type { FieldErrors } from '../forms/formTypes';
import { formFieldOf } from '../forms/parseFields';

export interface ScriptFlow<Draft> {
  draft: Draft;
  errors: FieldErrors;
  /** What is on its way to the server. */
  busy?: 'preview' | 'start';
  /** The answer to the last preview, with the exact input it was made for. */
  preview?: { result: ScriptPreview; input: Record<string, unknown> };
  /** The permanent-change question is open. */
  confirming: boolean;
  /** An error that is not about one field (FORBIDDEN, UNAVAILABLE, ...). */
  failure?: ResolverError;
  /** Set once startScript answered: the page follows this run. */
  runId?: string;
}

export type FlowAction<Draft> =
  | { type: 'edit'; draft: Draft }
  | { type: 'invalid'; errors: FieldErrors }
  | { type: 'preview-sent' }
  | { type: 'preview-answered'; input: Record<string, unknown>; result: ResolverResult<ScriptPreview> }
  | { type: 'run-asked' }
  | { type: 'confirm-cancelled' }
  | { type: 'start-sent' }
  | { type: 'start-answered'; result: ResolverResult<{ runId: string }> };

export function initialFlow<Draft>(draft: Draft): ScriptFlow<Draft> {
  return { draft, errors: {}, confirming: false };
}

/** A BAD_REQUEST about one input field goes under that field; anything else is the form's failure. */
function withError<Draft>(flow: ScriptFlow<Draft>, error: ResolverError): ScriptFlow<Draft> {
  const field = error.code === 'BAD_REQUEST' ? formFieldOf(error.field) : undefined;
  if (field) return { ...flow, errors: { [field]: error.message }, failure: undefined };
  return { ...flow, failure: error };
}

export function flowReducer<Draft>(flow: ScriptFlow<Draft>, action: FlowAction<Draft>): ScriptFlow<Draft> {
  switch (action.type) {
    case 'edit':
      if (flow.busy) return flow;
      return { ...flow, draft: action.draft, errors: {}, preview: undefined, failure: undefined, confirming: false };
    case 'invalid':
      return { ...flow, errors: action.errors, preview: undefined, failure: undefined };
    case 'preview-sent':
      return { ...flow, busy: 'preview', errors: {}, failure: undefined, preview: undefined };
    case 'preview-answered': {
      const done = { ...flow, busy: undefined };
      if (!action.result.ok) return withError(done, action.result.error);
      return { ...done, preview: { result: action.result.data, input: action.input } };
    }
    case 'run-asked':
      if (!flow.preview || flow.busy) return flow;
      return flow.preview.result.permanent ? { ...flow, confirming: true } : flow;
    case 'confirm-cancelled':
      return { ...flow, confirming: false };
    case 'start-sent':
      return { ...flow, busy: 'start', confirming: false, failure: undefined };
    case 'start-answered': {
      const done = { ...flow, busy: undefined };
      if (!action.result.ok) {
        // What was previewed may no longer hold (a CONFLICT, changed content): preview again before running.
        return withError({ ...done, preview: undefined }, action.result.error);
      }
      return { ...done, runId: action.result.data.runId };
    }
  }
}

/** Run is offered once a preview found something to do and nothing is on its way. */
export function canRun(flow: ScriptFlow<unknown>): boolean {
  return Boolean(flow.preview && flow.preview.result.total > 0 && !flow.busy && !flow.runId);
}

/** Whether Run should go straight to startScript (true) or ask the permanent-change question first. */
export function needsConfirmation(flow: ScriptFlow<unknown>): boolean {
  return Boolean(flow.preview?.result.permanent);
}
