/**
 * A script run's audit entries in words (pure): who started which script
 * where, and how it ended.
 */
import type { InputNames, RunAuditEntry } from '../../../../src/contract/scripts';
import type { RunState } from '../../../../src/contract/scripts';
import { RUN_STATE_LABELS } from '../../../shared/runs/runText';

const isRunState = (state: string): state is RunState => state in RUN_STATE_LABELS;

/** "Started Bulk Purge Trash in MKT" / "Bulk Purge Trash in MKT ended: Succeeded". */
export function runAuditTitle(entry: RunAuditEntry, scriptName: (key: string) => string): string {
  const what = `${scriptName(entry.scriptKey)} in ${entry.space.key}`;
  if (entry.kind === 'run-started') return `Started ${what}`;
  const state = entry.outcome?.state ?? '';
  return `${what} ended: ${isRunState(state) ? RUN_STATE_LABELS[state] : state || 'unknown'}`;
}

/** "10 of 10 done, 2 failed. <message>" for an end; nothing for a start. */
export function runAuditOutcome(entry: RunAuditEntry): string | undefined {
  const outcome = entry.outcome;
  if (entry.kind !== 'run-ended' || !outcome) return undefined;
  const counts = `${outcome.done.toLocaleString('en')} of ${outcome.total.toLocaleString('en')} done${
    outcome.failed ? `, ${outcome.failed.toLocaleString('en')} failed` : ''
  }.`;
  const message = outcome.message?.trim();
  return message && message !== counts ? `${counts} ${message}` : counts;
}

/** The names for an entry's input: what the run kept at its start, with the page's people lookup filling gaps. */
export function auditInputNames(entry: RunAuditEntry, people: Record<string, string> | undefined): InputNames {
  const kept = entry.inputNames ?? {};
  return { ...kept, people: { ...(people ?? {}), ...(kept.people ?? {}) } };
}
