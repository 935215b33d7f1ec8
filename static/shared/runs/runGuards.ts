/**
 * Shape guards for the run answers (src/contract/scripts.ts), checked where
 * the page reads them. Written by hand rather than with the zod schemas so
 * the pages do not carry zod; they check what the page reads, no more.
 */
import type { ScriptPreview, ScriptRun, ScriptRunPage, ScriptRunSummary } from '../../../src/contract/scripts';
import { isRecord } from '../resolverResult';

const STATES: readonly unknown[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'stopped'];

function isProgress(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.done === 'number' &&
    typeof value.total === 'number' &&
    typeof value.failed === 'number'
  );
}

export function isRunSummary(value: unknown): value is ScriptRunSummary {
  return (
    isRecord(value) &&
    typeof value.runId === 'string' &&
    typeof value.scriptKey === 'string' &&
    typeof value.spaceKey === 'string' &&
    STATES.includes(value.state) &&
    isProgress(value.progress) &&
    isRecord(value.startedBy) &&
    typeof value.startedBy.accountId === 'string' &&
    typeof value.startedAt === 'string'
  );
}

export function isScriptRun(value: unknown): value is ScriptRun {
  return (
    isRunSummary(value) &&
    isRecord((value as unknown as Record<string, unknown>).input) &&
    Array.isArray((value as unknown as Record<string, unknown>).failures)
  );
}

export function isRunPage(value: unknown): value is ScriptRunPage {
  return isRecord(value) && Array.isArray(value.runs) && value.runs.every(isRunSummary);
}

export function isPreview(value: unknown): value is ScriptPreview {
  return (
    isRecord(value) &&
    typeof value.total === 'number' &&
    Array.isArray(value.items) &&
    value.items.every((item) => isRecord(item) && typeof item.id === 'string' && typeof item.title === 'string') &&
    typeof value.permanent === 'boolean' &&
    typeof value.summary === 'string' &&
    Array.isArray(value.warnings)
  );
}

export function isRunStart(value: unknown): value is { runId: string } {
  return isRecord(value) && typeof value.runId === 'string';
}
