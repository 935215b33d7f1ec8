/** The Script runs tab's resolver calls (module admin-page): every run on the site. */
import type { AdminPageFunctions } from '../../../../src/contract/admin-page';
import { resolverClient } from '../../../shared/invokeResolver';
import { runListPayload, type RunFilters } from './runFilters';

const call = resolverClient<AdminPageFunctions>();

export function listSiteRuns(filters: RunFilters, cursor?: string) {
  return call('listScriptRuns', runListPayload(filters, cursor) as AdminPageFunctions['listScriptRuns']['payload']);
}

export function getSiteRun(runId: string) {
  return call('getScriptRun', { runId });
}
