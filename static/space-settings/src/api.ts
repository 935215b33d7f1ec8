/**
 * One typed function per resolver call of the space settings page, typed by
 * the contract (src/contract/space-settings.ts). The user and the space are
 * the platform's business: the resolvers read them from Forge's context,
 * never from these payloads.
 */
import type { SpaceSettingsFunctions } from '../../../src/contract/space-settings';
import { resolverClient } from '../../shared/invokeResolver';

const call = resolverClient<SpaceSettingsFunctions>();

export function previewScript(scriptKey: string, input: Record<string, unknown>) {
  return call('previewScript', {
    scriptKey: scriptKey as SpaceSettingsFunctions['previewScript']['payload']['scriptKey'],
    input,
  });
}

export function startScript(scriptKey: string, input: Record<string, unknown>, confirmed: boolean) {
  return call('startScript', {
    scriptKey: scriptKey as SpaceSettingsFunctions['startScript']['payload']['scriptKey'],
    input,
    ...(confirmed ? { confirmed: true } : {}),
  });
}

export function getScriptRun(runId: string) {
  return call('getScriptRun', { runId });
}

export function listScriptRuns(cursor?: string) {
  return call('listScriptRuns', cursor ? { cursor } : {});
}

export function cancelScriptRun(runId: string) {
  return call('cancelScriptRun', { runId });
}

/** Pages of this space whose title matches, or of every space the viewer can see with `anySpace`. */
export function searchPages(query: string, anySpace = false) {
  return call('searchPages', anySpace ? { query, anySpace: true } : { query });
}

/** People whose name matches (the authors picker). */
export function searchPeople(query: string) {
  return call('searchPeople', { query });
}
