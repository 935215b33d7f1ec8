/**
 * The admin page's resolver calls, one typed function each, typed by the
 * contract (src/contract/admin-page.ts). Each returns a ResolverResult and
 * never throws (see shared/invokeResolver.ts).
 */
import type { AdminPageFunctions } from '../../../src/contract/admin-page';
import { resolverClient } from '../../shared/invokeResolver';
import type { ResolverResult } from '../../shared/resolverResult';
import type { AccessExplanation } from './access/accessTypes';
import type { AuditPage } from './audit/changeTypes';
import type { SaveRequest } from './rules/saveRequest';
import type { SubjectMatch } from './subjects';
import type { ExportAnswer, ImportAnswer } from './transfer/transferTypes';
import type { AdminConfig, SubjectType } from './types';

const call = resolverClient<AdminPageFunctions>();

export function getConfigPage(cursor?: string): Promise<ResolverResult<AdminConfig>> {
  return call('getConfig', cursor ? { cursor } : {});
}

export function saveConfig(request: SaveRequest): Promise<ResolverResult<AdminConfig>> {
  return call('saveConfig', { ...request });
}

export function explainAccess(accountId: string, spaceKey: string): Promise<ResolverResult<AccessExplanation>> {
  return call('explainAccess', { accountId, spaceKey });
}

export function searchSubjects(type: SubjectType, query: string): Promise<ResolverResult<SubjectMatch[]>> {
  return call('searchSubjects', { type, query });
}

export function getAuditLog(cursor?: string): Promise<ResolverResult<AuditPage>> {
  return call('getAuditLog', cursor ? { cursor } : {});
}

export function exportConfig(): Promise<ResolverResult<ExportAnswer>> {
  return call('exportConfig', {});
}

export function importConfig(
  data: unknown,
  dryRun: boolean,
  expectedVersion: number,
): Promise<ResolverResult<ImportAnswer>> {
  return call('importConfig', { data, dryRun, expectedVersion });
}
