import {
  applyChanges,
  diffTables,
  ExplainAccessPayload,
  exportTable,
  GetAuditLogPayload,
  GetConfigPayload,
  importAny,
  ImportConfigPayload,
  SaveConfigPayload,
  SCRIPT_CATALOG,
  SearchSubjectsPayload,
} from '../rules';
import { groupsOfUser } from '../confluence/groups';
import { searchGroups, searchSpaces, searchUsers } from '../confluence/search';
import type { AdminConfig, AuditPage, ExportAnswer, ImportAnswer, SubjectMatch } from '../contract/admin-page';
import type { UserAccessExplanation } from '../contract/access';
import { findSpaceByKey, userAdministersSpace } from '../confluence/spaces';
import { displayNames, findUser } from '../confluence/users';
import { readAuditLog } from '../storage/rules/audit-log';
import { LoadedTable, loadTable, saveTable, VersionConflictError } from '../storage/rules/repository';
import { AppError } from './envelope';
import { adminFunction, resolverOf } from './gate';
import { explainFor } from './explain';
import { spacePermissionFunctions } from './space-permissions';
import { adminScriptFunctions } from './scripts';

/** Rows per getConfig page: a 10,000-row table is two calls. */
export const CONFIG_PAGE_ROWS = 5000;

async function whoChanged(accountId: string | undefined) {
  if (!accountId) return undefined;
  const names = await displayNames([accountId]).catch(() => new Map<string, string>());
  return { accountId, displayName: names.get(accountId) };
}

/** A page of the table; the cursor pins the version so pages never mix two saves. */
async function configView(loaded: LoadedTable, cursor?: string): Promise<AdminConfig> {
  let offset = 0;
  if (cursor) {
    const [version, start] = cursor.split(':').map(Number);
    if (version !== loaded.version) {
      throw new AppError('CONFLICT', 'The rules changed while they were being read. Reload to see the latest.');
    }
    offset = start ?? 0;
  }
  const rows = loaded.table.rows.slice(offset, offset + CONFIG_PAGE_ROWS);
  const end = offset + rows.length;
  return {
    enabled: loaded.table.enabled,
    version: loaded.version,
    scripts: SCRIPT_CATALOG.map(({ key, name, description }) => ({ key, name, description })),
    newScripts: loaded.newScripts,
    rows,
    totalRows: loaded.table.rows.length,
    nextCursor: end < loaded.table.rows.length ? `${loaded.version}:${end}` : undefined,
    updatedAt: loaded.updatedAt,
    updatedBy: offset === 0 ? await whoChanged(loaded.updatedBy) : undefined,
  };
}

/** A stale save: say who changed the table and when, so the admin can decide. */
async function conflict(error: VersionConflictError): Promise<AppError> {
  const by = await whoChanged(error.updatedBy);
  const who = by?.displayName ?? 'Someone';
  const when = error.updatedAt ? ` at ${error.updatedAt}` : '';
  return new AppError(
    'CONFLICT',
    `${who} changed the rules${when}. Reload to see their changes; your edits are kept until you do.`,
    {
      details: { currentVersion: error.currentVersion, updatedAt: error.updatedAt, updatedBy: by },
    },
  );
}

async function saving<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof VersionConflictError) throw await conflict(error);
    throw error;
  }
}

const getConfig = adminFunction(GetConfigPayload, async (payload) => configView(await loadTable(), payload?.cursor));

const saveConfig = adminFunction(SaveConfigPayload, async (request, { accountId }): Promise<AdminConfig> => {
  const saved = await saving(() =>
    saveTable({
      expectedVersion: request.expectedVersion,
      accountId,
      source: 'edit',
      change: (current) =>
        applyChanges(
          current.table,
          { enabled: request.enabled, upsert: request.upsert, remove: request.remove },
          SCRIPT_CATALOG,
        ),
    }),
  );
  // The saved table is the truth at its version: no need to read it back.
  return configView({
    version: saved.version,
    table: saved.table,
    newScripts: [],
    updatedAt: saved.updatedAt,
    updatedBy: saved.updatedBy,
  });
});

const explainAccess = adminFunction(
  ExplainAccessPayload,
  async ({ accountId, spaceKey }): Promise<UserAccessExplanation> => {
    const [space, user, groups] = await Promise.all([
      findSpaceByKey(spaceKey, 'app'),
      findUser(accountId),
      // An unknown user's groups fail; that user is answered NOT_FOUND below.
      groupsOfUser(accountId, 'app').catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      ),
    ]);
    if (!space) throw new AppError('NOT_FOUND', `There is no space with key ${spaceKey}.`, { field: 'spaceKey' });
    if (!user) throw new AppError('NOT_FOUND', `There is no user with accountId ${accountId}.`, { field: 'accountId' });
    if (groups instanceof Error) throw groups;
    // Whether they administer the space and what the rules say are read at once.
    const spaceAdmin = userAdministersSpace(
      space.id,
      accountId,
      groups.map((g) => g.id),
    );
    const explanation = await explainFor(accountId, space, groups, spaceAdmin, { withToggle: true });
    return { user: { accountId, displayName: user.displayName }, ...explanation };
  },
);

const searchSubjects = adminFunction(SearchSubjectsPayload, async ({ type, query }): Promise<SubjectMatch[]> => {
  // Confluence's user search and group picker need text; an empty space query lists spaces.
  if (type !== 'space' && query.trim() === '') return [];
  if (type === 'user') return searchUsers(query);
  if (type === 'group') return searchGroups(query);
  return searchSpaces(query);
});

const getAuditLog = adminFunction(GetAuditLogPayload, async (payload): Promise<AuditPage> => {
  const page = await readAuditLog(payload?.cursor);
  const names = await displayNames(page.entries.map((e) => e.by.accountId)).catch(() => new Map<string, string>());
  return {
    entries: page.entries.map((e) => ({ ...e, by: { ...e.by, displayName: names.get(e.by.accountId) } })),
    nextCursor: page.nextCursor,
  };
});

const exportConfig = adminFunction(GetConfigPayload, async (): Promise<ExportAnswer> => {
  const loaded = await loadTable();
  return { version: loaded.version, file: exportTable(loaded.table, new Date().toISOString()) };
});

const importConfig = adminFunction(ImportConfigPayload, async (request, { accountId }): Promise<ImportAnswer> => {
  const imported = importAny(request.data, SCRIPT_CATALOG);
  if (request.dryRun) {
    const current = await loadTable();
    if (current.version !== request.expectedVersion)
      throw await conflict(new VersionConflictError(current.version, current.updatedBy, current.updatedAt));
    return {
      dryRun: true,
      version: current.version,
      changes: diffTables(current.table, imported),
      rows: imported.rows.length,
    };
  }
  const saved = await saving(() =>
    saveTable({
      expectedVersion: request.expectedVersion,
      accountId,
      source: 'import',
      change: (current) => ({ table: imported, changes: diffTables(current.table, imported) }),
    }),
  );
  return { dryRun: false, version: saved.version, changes: saved.changes, rows: imported.rows.length };
});

export const adminPageResolver = resolverOf({
  getConfig,
  saveConfig,
  explainAccess,
  searchSubjects,
  getAuditLog,
  exportConfig,
  importConfig,
  ...spacePermissionFunctions,
  ...adminScriptFunctions,
});
