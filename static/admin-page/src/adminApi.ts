/**
 * The admin page's resolver calls, one typed function each. Each returns a
 * ResolverResult and never throws (see shared/invokeResolver.ts).
 */
import { invokeResolver } from '../../shared/invokeResolver';
import type { ResolverResult } from '../../shared/resolverResult';
import { isAccessExplanation, type AccessExplanation } from './access/accessTypes';
import { isAuditPage, type AuditPage } from './audit/changeTypes';
import type { SaveRequest } from './rules/saveRequest';
import { isSubjectMatches, type SubjectMatch } from './subjects';
import { isExportAnswer, isImportAnswer, type ExportAnswer, type ImportAnswer } from './transfer/transferTypes';
import { isAdminConfig, type AdminConfig, type SubjectType } from './types';

export function getConfigPage(cursor?: string): Promise<ResolverResult<AdminConfig>> {
  return invokeResolver('getConfig', cursor ? { cursor } : {}, isAdminConfig);
}

export function saveConfig(request: SaveRequest): Promise<ResolverResult<AdminConfig>> {
  return invokeResolver('saveConfig', { ...request }, isAdminConfig);
}

export function explainAccess(accountId: string, spaceKey: string): Promise<ResolverResult<AccessExplanation>> {
  return invokeResolver('explainAccess', { accountId, spaceKey }, isAccessExplanation);
}

export function searchSubjects(type: SubjectType, query: string): Promise<ResolverResult<SubjectMatch[]>> {
  return invokeResolver('searchSubjects', { type, query }, isSubjectMatches);
}

export function getAuditLog(cursor?: string): Promise<ResolverResult<AuditPage>> {
  return invokeResolver('getAuditLog', cursor ? { cursor } : {}, isAuditPage);
}

export function exportConfig(): Promise<ResolverResult<ExportAnswer>> {
  return invokeResolver('exportConfig', {}, isExportAnswer);
}

export function importConfig(
  data: unknown,
  dryRun: boolean,
  expectedVersion: number,
): Promise<ResolverResult<ImportAnswer>> {
  return invokeResolver('importConfig', { data, dryRun, expectedVersion }, isImportAnswer);
}
