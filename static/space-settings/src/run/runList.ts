/**
 * The space's runs as the page keeps them between reads (pure): a fresh
 * first page replaces what it covers, older pages already shown stay.
 */
import type { ScriptRunSummary } from '../../../../src/contract/scripts';
import { isRunFinished } from '../../../shared/runs/runText';

/** The newest page first, then every run of `current` the page does not hold; newest first throughout. */
export function mergeFirstPage(
  current: readonly ScriptRunSummary[],
  firstPage: readonly ScriptRunSummary[],
): ScriptRunSummary[] {
  const fresh = new Set(firstPage.map((run) => run.runId));
  return [...firstPage, ...current.filter((run) => !fresh.has(run.runId))];
}

/** Appends an older page, skipping runs already listed (a run started in between shifts the pages). */
export function appendOlderPage(
  current: readonly ScriptRunSummary[],
  olderPage: readonly ScriptRunSummary[],
): ScriptRunSummary[] {
  const known = new Set(current.map((run) => run.runId));
  return [...current, ...olderPage.filter((run) => !known.has(run.runId))];
}

/** Runs still under way: the page follows them, also after a reload. */
export function unfinishedRuns(runs: readonly ScriptRunSummary[]): ScriptRunSummary[] {
  return runs.filter((run) => !isRunFinished(run.state));
}
