/**
 * One typed function per resolver call of the space settings page, over
 * `invokeResolver`. The user and the space are the platform's business:
 * the resolvers read them from Forge's context, never from these payloads.
 */
import type { PageSearchResult } from '../../../src/contract/page-search';
import type { ScriptPreview, ScriptRun, ScriptRunPage } from '../../../src/contract/scripts';
import { invokeResolver } from '../../shared/invokeResolver';
import { isRecord } from '../../shared/resolverResult';
import { isPreview, isRunPage, isRunStart, isScriptRun } from '../../shared/runs/runGuards';

export function previewScript(scriptKey: string, input: Record<string, unknown>) {
  return invokeResolver<ScriptPreview>('previewScript', { scriptKey, input }, isPreview);
}

export function startScript(scriptKey: string, input: Record<string, unknown>, confirmed: boolean) {
  return invokeResolver<{ runId: string }>(
    'startScript',
    { scriptKey, input, ...(confirmed ? { confirmed: true } : {}) },
    isRunStart,
  );
}

export function getScriptRun(runId: string) {
  return invokeResolver<ScriptRun>('getScriptRun', { runId }, isScriptRun);
}

export function listScriptRuns(cursor?: string) {
  return invokeResolver<ScriptRunPage>('listScriptRuns', cursor ? { cursor } : {}, isRunPage);
}

export function cancelScriptRun(runId: string) {
  return invokeResolver<unknown>('cancelScriptRun', { runId });
}

function isPageSearchResult(value: unknown): value is PageSearchResult {
  return (
    isRecord(value) &&
    Array.isArray(value.pages) &&
    value.pages.every((page) => isRecord(page) && typeof page.id === 'string' && typeof page.title === 'string')
  );
}

export function searchPages(query: string) {
  return invokeResolver<PageSearchResult>('searchPages', { query }, isPageSearchResult);
}
