/**
 * Changes to the rule table in words, for the audit log and the import
 * preview. Script keys are shown by name. Pure, unit-tested.
 */
import { joinNames } from '../../../shared/decision';
import type { BuiltInScript, RuleType } from '../types';
import type { Change, ChangeSummary } from './changeTypes';

export type ScriptNames = (key: string) => string;

/** Looks script keys up in the catalog; a key no longer in it is shown as is. */
export function scriptNamesFrom(scripts: readonly BuiltInScript[]): ScriptNames {
  const names = new Map(scripts.map((script) => [script.key, script.name]));
  return (key) => names.get(key) ?? key;
}

/** "the group rule for power-users", "the Global rule". */
export function ruleLabel(type: RuleType, name: string, id: string): string {
  if (type === 'global') return 'the Global rule';
  return `the ${type} rule for ${name.trim() || id}`;
}

/** Past for what happened (the audit log); planned for what an import would do (its preview). */
export type Tense = 'past' | 'planned';

const VERBS = {
  past: {
    on: 'Turned rules on',
    off: 'Turned rules off',
    add: 'Added',
    remove: 'Removed',
    change: 'Changed',
    allow: 'now allows',
    restrict: 'now restricts',
  },
  planned: {
    on: 'Turn rules on',
    off: 'Turn rules off',
    add: 'Add',
    remove: 'Remove',
    change: 'Change',
    allow: 'allow',
    restrict: 'restrict',
  },
} as const;

export function describeChange(change: Change, scriptName: ScriptNames, tense: Tense = 'past'): string {
  const verbs = VERBS[tense];
  switch (change.kind) {
    case 'toggle':
      return change.to ? verbs.on : verbs.off;
    case 'row-added':
      return `${verbs.add} ${ruleLabel(change.type, change.name, change.id)}, allowing ${scriptList(change.allowed, scriptName) || 'no scripts'}`;
    case 'row-removed':
      return `${verbs.remove} ${ruleLabel(change.type, change.name, change.id)}`;
    case 'row-changed': {
      const parts: string[] = [];
      if (change.added.length > 0) parts.push(`${verbs.allow} ${scriptList(change.added, scriptName)}`);
      if (change.removed.length > 0) parts.push(`${verbs.restrict} ${scriptList(change.removed, scriptName)}`);
      return `${verbs.change} ${ruleLabel(change.type, change.name, change.id)}: ${parts.join('; ') || 'no scripts'}`;
    }
    default:
      return unknownChange(change);
  }
}

/**
 * "Turned rules on, added 2 rows and changed 1 row" (past) or "turn rules
 * on, add 2 rows and change 1 row" (planned); "No changes" when empty.
 */
export function describeSummary(summary: ChangeSummary, tense: Tense = 'past'): string {
  const verbs = VERBS[tense];
  const parts: string[] = [];
  if (summary.toggle) parts.push((summary.toggle.to ? verbs.on : verbs.off).toLowerCase());
  if (summary.added > 0) parts.push(`${verbs.add.toLowerCase()} ${rows(summary.added)}`);
  if (summary.removed > 0) parts.push(`${verbs.remove.toLowerCase()} ${rows(summary.removed)}`);
  if (summary.changed > 0) parts.push(`${verbs.change.toLowerCase()} ${rows(summary.changed)}`);
  return parts.length === 0 ? 'No changes' : capitalise(joinNames(parts));
}

/** Counts changes the way the audit log's summary does. */
export function summarise(changes: readonly Change[]): ChangeSummary {
  const summary: ChangeSummary = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) {
    if (change.kind === 'toggle') summary.toggle = { from: change.from, to: change.to };
    else if (change.kind === 'row-added') summary.added += 1;
    else if (change.kind === 'row-removed') summary.removed += 1;
    else summary.changed += 1;
  }
  return summary;
}

function scriptList(keys: readonly string[], scriptName: ScriptNames): string {
  return joinNames(keys.map(scriptName));
}

function rows(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unknownChange(change: never): string {
  void change;
  return 'Changed the rules';
}
