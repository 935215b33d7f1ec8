/**
 * The admin page's resolver functions (module `admin-page`): each one's
 * payload schema (the server validates with it) and answer type (the page
 * reads it). The page imports these as types only, so its bundle carries no
 * schema code; server and page cannot drift apart because both compile
 * against this file.
 */
import type { z } from 'zod';
import type { Change, Row } from '../rules';
import {
  ExplainAccessPayload,
  GetAuditLogPayload,
  GetConfigPayload,
  ImportConfigPayload,
  SaveConfigPayload,
  SearchSubjectsPayload,
} from '../rules';
import type { UserAccessExplanation } from './access';
import type {
  ListSiteRunsPayload,
  RunAuditPage,
  RunAuditPayload,
  RunRefPayload,
  ScriptRun,
  ScriptRunPage,
} from './scripts';

export {
  ExplainAccessPayload,
  GetAuditLogPayload,
  GetConfigPayload,
  ImportConfigPayload,
  SaveConfigPayload,
  SearchSubjectsPayload,
};
export type { Change, Row, RowType } from '../rules';

/** Who did something: an account id, and the display name when Confluence gave one. */
export interface Person {
  accountId: string;
  displayName?: string;
}

export interface BuiltInScript {
  key: string;
  name: string;
  description: string;
}

/** A page of the rule table (`getConfig`, `saveConfig`). */
export interface AdminConfig {
  enabled: boolean;
  /** The stored configuration's version, sent back with edits to detect conflicts. */
  version: number;
  scripts: BuiltInScript[];
  /** Keys of scripts added to the catalog since the table was last saved. */
  newScripts: string[];
  /** Rows in canonical order: Global, spaces, groups, users, each by name. */
  rows: Row[];
  /** Rows in the whole table (an answer holds at most one page of them). */
  totalRows: number;
  /** Set when the table has more rows than one answer carries: pass it back as `cursor`. */
  nextCursor?: string;
  /** When and by whom the table was last saved; absent before the first save. */
  updatedAt?: string;
  updatedBy?: Person;
}

/** A subject a picker offers, with the id a rule row of that type uses. */
export interface SubjectMatch {
  type: 'user' | 'group' | 'space';
  id: string;
  name: string;
  /** A space's key. */
  key?: string;
}

export interface ChangeSummary {
  toggle?: { from: boolean; to: boolean };
  added: number;
  removed: number;
  changed: number;
}

/** One accepted save, as the audit log shows it. */
export interface AuditEntry {
  version: number;
  at: string;
  by: Person;
  summary: ChangeSummary;
  changes: Change[];
  /** Changes beyond what one entry keeps (a large import). */
  omittedChanges: number;
  source: 'edit' | 'import';
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

export interface ExportAnswer {
  version: number;
  /** The export file, `{format, schemaVersion, exportedAt, enabled, scripts, rows}`, saved as is. */
  file: Record<string, unknown> & { exportedAt: string };
}

export interface ImportAnswer {
  dryRun: boolean;
  /** With a dry run: the version previewed against; applied: the new version. */
  version: number;
  changes: Change[];
  /** Rows in the table the file holds. */
  rows: number;
}

type Fn<P extends z.ZodType, A> = { payload: z.input<P>; answer: A };

/** Every admin-page function: what it takes and what it answers. */
export interface AdminPageFunctions {
  getConfig: Fn<typeof GetConfigPayload, AdminConfig>;
  saveConfig: Fn<typeof SaveConfigPayload, AdminConfig>;
  explainAccess: Fn<typeof ExplainAccessPayload, UserAccessExplanation>;
  searchSubjects: Fn<typeof SearchSubjectsPayload, SubjectMatch[]>;
  getAuditLog: Fn<typeof GetAuditLogPayload, AuditPage>;
  exportConfig: Fn<typeof GetConfigPayload, ExportAnswer>;
  importConfig: Fn<typeof ImportConfigPayload, ImportAnswer>;
  listScriptRuns: Fn<typeof ListSiteRunsPayload, ScriptRunPage>;
  getScriptRun: Fn<typeof RunRefPayload, ScriptRun>;
  getScriptRunAudit: Fn<typeof RunAuditPayload, RunAuditPage>;
}
