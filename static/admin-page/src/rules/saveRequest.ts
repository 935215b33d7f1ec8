/**
 * What a save sends to `saveConfig`: only what changed, with the version the
 * edits were made against (a stale version is refused with CONFLICT).
 */
import { editedRule, type RuleDraft } from './ruleDraft';
import type { Rule, RuleType } from '../types';

export interface SaveRequest {
  expectedVersion: number;
  enabled?: boolean;
  upsert?: Rule[];
  remove?: { type: RuleType; id: string }[];
}

export function saveRequestFor(draft: RuleDraft): SaveRequest {
  const upsert: Rule[] = [];
  for (const [ref, rule] of draft.baseRows) {
    if (draft.cells.has(ref) && !draft.removed.has(ref)) upsert.push(forUpsert(editedRule(draft, rule)));
  }
  for (const rule of draft.added.values()) upsert.push(forUpsert(rule));
  const remove: { type: RuleType; id: string }[] = [];
  for (const ref of draft.removed) {
    const rule = draft.baseRows.get(ref);
    if (rule) remove.push({ type: rule.type, id: rule.id });
  }
  return {
    expectedVersion: draft.base.version,
    ...(draft.enabled !== undefined ? { enabled: draft.enabled } : {}),
    ...(upsert.length > 0 ? { upsert } : {}),
    ...(remove.length > 0 ? { remove } : {}),
  };
}

/** Upsert replaces name, key and allowed: send exactly those, with the space key kept. */
function forUpsert(rule: Rule): Rule {
  const { type, id, name, key, allowed } = rule;
  return key === undefined ? { type, id, name, allowed: [...allowed] } : { type, id, name, key, allowed: [...allowed] };
}

/**
 * Names the row a BAD_REQUEST field points at (`upsert[2].allowed[0]` ->
 * "the row for power-users"), so the admin knows which of their edits was refused.
 */
export function describeRefusedField(field: string | undefined, request: SaveRequest): string | undefined {
  if (!field) return undefined;
  const match = /^(upsert|remove)\[(\d+)\]/.exec(field);
  if (!match) return field === 'enabled' ? 'the rules toggle' : undefined;
  const index = Number(match[2]);
  if (match[1] === 'upsert') {
    const rule = request.upsert?.[index];
    return rule ? `the row for ${rule.type === 'global' ? 'Global' : rule.name || rule.id}` : undefined;
  }
  const removed = request.remove?.[index];
  return removed ? `the removed ${removed.type} ${removed.id}` : undefined;
}
