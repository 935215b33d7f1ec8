/** The Script runs tab's resolver calls (module admin-page): every run on the site. */
import type { ScriptRun, ScriptRunPage } from '../../../../src/contract/scripts';
import { invokeResolver } from '../../../shared/invokeResolver';
import { isRunPage, isScriptRun } from '../../../shared/runs/runGuards';
import { runListPayload, type RunFilters } from './runFilters';

export function listSiteRuns(filters: RunFilters, cursor?: string) {
  return invokeResolver<ScriptRunPage>('listScriptRuns', runListPayload(filters, cursor), isRunPage);
}

export function getSiteRun(runId: string) {
  return invokeResolver<ScriptRun>('getScriptRun', { runId }, isScriptRun);
}
