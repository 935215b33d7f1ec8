/**
 * One difference between two rule tables, as the audit log and the import
 * preview report it; and the audit log's page shape (src/contract/admin-page.ts). Pure.
 */
export type { AuditEntry, AuditPage, Change, ChangeSummary } from '../../../../src/contract/admin-page';
