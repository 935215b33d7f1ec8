/**
 * The built-in scripts' resolver functions (README "Resolvers"). On the
 * space settings page: previewScript, startScript, getScriptRun,
 * listScriptRuns (this space), cancelScriptRun. On the admin page:
 * listScriptRuns over the site (filters), getScriptRun, getScriptRunAudit.
 *
 * Who may do what is decided here from Forge's context and Confluence:
 * a script the rules restrict answers FORBIDDEN with the page's reason,
 * before the input is even looked at; a space admin reads and cancels
 * runs of their own space only.
 */
import { z } from 'zod';
import {
  ListSiteRunsPayload,
  ListSpaceRunsPayload,
  PreviewScriptPayload,
  RunAuditPage,
  RunAuditPayload,
  RunRefPayload,
  ScriptKey,
  ScriptPreview,
  ScriptRun,
  ScriptRunPage,
  ScriptRunSummary,
  StartScriptPayload,
} from '../contract/scripts';
import { callerAdministersSpace } from '../confluence/spaces';
import { findUser } from '../confluence/users';
import { inputNamesOf, withPeopleNamed } from './input-names';
import { parsePayload } from '../rules';
import { contextFor, startRun } from '../scripts/engine';
import { moduleFor } from '../scripts/registry';
import { TargetError } from '../scripts/targets';
import type { AnyScriptModule } from '../scripts/types';
import { readRunAuditLog } from '../storage/rules/audit-log';
import type { StoredRun } from '../storage/runs/model';
import { isCancelRequested, listRuns, loadRun, requestCancel } from '../storage/runs/repository';
import { settleIfStalled, settleStalledRuns } from '../storage/runs/settle-stalled';
import { AppError } from './envelope';
import { adminFunction, SpaceCaller, spaceFunction } from './gate';
import { NOT_SPACE_ADMIN_MESSAGE, requireScriptAllowed } from './access';

function summaryOf(run: StoredRun): ScriptRunSummary {
  return {
    runId: run.runId,
    scriptKey: run.scriptKey,
    spaceKey: run.space.key,
    state: run.state,
    progress: { ...run.progress },
    startedBy: run.startedBy,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    ...(run.message ? { message: run.message } : {}),
  };
}

async function viewOf(run: StoredRun): Promise<ScriptRun> {
  return {
    ...summaryOf(run),
    input: run.input,
    ...(run.inputNames ? { inputNames: run.inputNames } : {}),
    failures: run.failures,
    cancelRequested: await isCancelRequested(run.runId),
    ...(run.links ? { links: run.links } : {}),
  };
}

function moduleOrRefuse(scriptKey: ScriptKey): AnyScriptModule {
  const module = moduleFor(scriptKey);
  if (!module) throw new AppError('BAD_REQUEST', `${scriptKey} cannot be run by this version of the app yet.`);
  return module;
}

/** The script's input checked against its own schema; field paths start at `input`. */
function validInput(module: AnyScriptModule, input: unknown): Record<string, unknown> {
  const parsed = parsePayload(z.object({ input: module.input }), { input: input ?? {} });
  if (!parsed.ok) throw new AppError('BAD_REQUEST', parsed.message, { field: parsed.field });
  return parsed.data.input as Record<string, unknown>;
}

/** Rules first (FORBIDDEN with the reason), then the input. */
async function allowedModule(caller: SpaceCaller, scriptKey: ScriptKey, input: unknown) {
  await requireScriptAllowed(caller, scriptKey);
  const module = moduleOrRefuse(scriptKey);
  return { module, input: validInput(module, input) };
}

const scopeOf = (caller: SpaceCaller) => ({ space: caller.space, accountId: caller.accountId, startedAt: Date.now() });

const previewScript = spaceFunction(PreviewScriptPayload, async ({ scriptKey, input }, caller) => {
  const { module, input: valid } = await allowedModule(caller, scriptKey, input);
  try {
    return (await module.preview(contextFor(scopeOf(caller)), valid)) satisfies ScriptPreview;
  } catch (error) {
    if (error instanceof TargetError) throw new AppError(error.code, error.message, { field: error.field });
    throw error;
  }
});

const startScript = spaceFunction(StartScriptPayload, async ({ scriptKey, input, confirmed }, caller) => {
  const { module, input: valid } = await allowedModule(caller, scriptKey, input);
  if (module.permanent(valid) && confirmed !== true) {
    throw new AppError('BAD_REQUEST', 'This cannot be undone. Confirm it (confirmed: true) to run it.', {
      field: 'confirmed',
    });
  }
  if (module.checkStart) {
    try {
      await module.checkStart(contextFor(scopeOf(caller)), valid);
    } catch (error) {
      if (error instanceof TargetError) throw new AppError(error.code, error.message, { field: error.field });
      throw error;
    }
  }
  // Names are for the pages (run lists, run input, audit); a lookup that fails leaves just the ids.
  const [starter, inputNames] = await Promise.all([
    findUser(caller.accountId).catch(() => undefined),
    inputNamesOf(valid),
  ]);
  const displayName = starter?.displayName;
  const run = await startRun({
    module,
    scope: scopeOf(caller),
    input: valid,
    startedBy: { accountId: caller.accountId, ...(displayName ? { displayName } : {}) },
    ...(inputNames ? { inputNames } : {}),
  });
  return { runId: run.runId };
});

/** A run of the caller's space, for a space admin of it; anything else is NOT_FOUND or FORBIDDEN. */
async function spaceRun(caller: SpaceCaller, runId: string): Promise<StoredRun> {
  const [admin, run] = await Promise.all([callerAdministersSpace(caller.space.id), loadRun(runId)]);
  if (!admin) throw new AppError('FORBIDDEN', NOT_SPACE_ADMIN_MESSAGE);
  if (!run || run.space.id !== caller.space.id) throw new AppError('NOT_FOUND', `No run ${runId} in this space.`);
  // A run nothing works on any more reads as failed (src/storage/runs/stalled.ts), here and in every list.
  return settleIfStalled(run);
}

const getSpaceRun = spaceFunction(RunRefPayload, async ({ runId }, caller) => viewOf(await spaceRun(caller, runId)));

const listSpaceRuns = spaceFunction(ListSpaceRunsPayload, async (payload, caller): Promise<ScriptRunPage> => {
  if (!(await callerAdministersSpace(caller.space.id))) throw new AppError('FORBIDDEN', NOT_SPACE_ADMIN_MESSAGE);
  const page = await listRuns({ spaceKey: caller.space.key }, payload?.cursor);
  return {
    runs: (await settleStalledRuns(page.runs)).map(summaryOf),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});

const cancelScriptRun = spaceFunction(RunRefPayload, async ({ runId }, caller) => {
  const run = await spaceRun(caller, runId);
  if (run.state !== 'queued' && run.state !== 'running') {
    throw new AppError('CONFLICT', `This run has already ended (${run.state}).`);
  }
  await requestCancel(runId, caller.accountId, new Date().toISOString());
  return viewOf(run);
});

/** The space settings page's script functions (spread into its resolver). */
export const spaceScriptFunctions = {
  previewScript,
  startScript,
  getScriptRun: getSpaceRun,
  listScriptRuns: listSpaceRuns,
  cancelScriptRun,
};

const listSiteRuns = adminFunction(ListSiteRunsPayload, async (payload): Promise<ScriptRunPage> => {
  const page = await listRuns(
    { spaceKey: payload?.spaceKey, scriptKey: payload?.scriptKey, accountId: payload?.accountId },
    payload?.cursor,
  );
  return {
    runs: (await settleStalledRuns(page.runs)).map(summaryOf),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
});

const getSiteRun = adminFunction(RunRefPayload, async ({ runId }) => {
  const run = await loadRun(runId);
  if (!run) throw new AppError('NOT_FOUND', `No run ${runId}.`);
  return viewOf(await settleIfStalled(run));
});

const getScriptRunAudit = adminFunction(RunAuditPayload, async (payload): Promise<RunAuditPage> =>
  withPeopleNamed(await readRunAuditLog(payload?.cursor)),
);

/** The admin page's script-run functions (spread into its resolver). */
export const adminScriptFunctions = {
  listScriptRuns: listSiteRuns,
  getScriptRun: getSiteRun,
  getScriptRunAudit,
};
