import { InternedRows } from './interned-rows';
import { Row, RowType } from './model';
import { compareRows } from './order';
import { hasBit, ScriptBits } from './script-bits';

/** Who is asking, where: everything a decision needs from Confluence. */
export interface AccessSubject {
  accountId: string;
  /** Every group the user belongs to (ids); order does not matter. */
  groupIds: readonly string[];
  space: { id: string; key: string };
  /** Holds `administer`/`space` in this space, directly or through a group. */
  isSpaceAdmin: boolean;
}

/** Which rule decided, for explanations. */
export type DecidedBy =
  | { type: 'feature-off' }
  | { type: 'not-space-admin' }
  | { type: 'user'; ids: [string]; names: [string] }
  /** Allowed: the group rows that allowed it. Denied: every matching group row (all denied it). */
  | { type: 'group'; ids: string[]; names: string[] }
  | { type: 'space'; ids: [string]; names: [string] }
  | { type: 'global' };

export interface ScriptDecision {
  key: string;
  allowed: boolean;
  decidedBy: DecidedBy;
}

export interface RuleIndexInput {
  enabled: boolean;
  rows: readonly Row[];
}

type SubjectType = Exclude<RowType, 'global'>;

/**
 * Which rule decides for one subject, found once per request: the same for
 * every script, since precedence goes by which rows exist, not by their cells.
 */
type Decider =
  | { readonly layer: 'not-space-admin' | 'feature-off' | 'global' }
  | { readonly layer: 'user' | 'space'; readonly slot: number }
  /** `slots`: the user's group rows, each once, ascending (= table order). */
  | { readonly layer: 'group'; readonly slots: readonly number[] };

const NOT_SPACE_ADMIN: Decider = { layer: 'not-space-admin' };
const FEATURE_OFF: Decider = { layer: 'feature-off' };
const GLOBAL: Decider = { layer: 'global' };

/**
 * The rule table, indexed once for many decisions. Script keys are interned
 * to bit positions and rows to slots (script-bits.ts, interned-rows.ts), so
 * a decision is a few map lookups and bit tests, O(number of the user's
 * groups). `allows`, `decide` and `explain` share one path: find the
 * deciding rule once, then test bits; only `decide` and `explain` build
 * the explanation objects.
 *
 * Works on a full table or on a partial one holding just the rows a
 * decision needs (Global, the space's row, the user's row, the user's group
 * rows). Precedence (docs/rules.md): not a space admin -> denied; toggle
 * off -> allowed; user row; else any of the user's group rows (OR); else the
 * space row (matched by space id); else Global.
 */
export class RuleIndex {
  private constructor(
    private readonly enabled: boolean,
    private readonly keys: readonly string[],
    /** `keys[i]`'s bit position. */
    private readonly positions: readonly number[],
    private readonly bits: ScriptBits,
    private readonly global: Uint32Array,
    /** Group rows are interned in table order (by name, then id): slot order is table order. */
    private readonly rows: Readonly<Record<SubjectType, InternedRows>>,
  ) {}

  /**
   * @param scriptKeys the catalog's keys; `explain` answers in this order.
   * @throws Error if two rows share a (type, id), or if the toggle is on and
   *   there is no Global row (a partial table must still carry Global).
   */
  static build(input: RuleIndexInput, scriptKeys: readonly string[]): RuleIndex {
    const byType: Record<SubjectType, Row[]> = { space: [], group: [], user: [] };
    const seen: Record<SubjectType, Set<string>> = { space: new Set(), group: new Set(), user: new Set() };
    let globalRow: Row | undefined;
    for (const row of input.rows) {
      if (row.type === 'global') {
        if (globalRow) throw new Error('RuleIndex: the rule table has more than one Global row');
        globalRow = row;
        continue;
      }
      if (seen[row.type].has(row.id)) throw new Error(`RuleIndex: duplicate row ${row.type}:${row.id}`);
      seen[row.type].add(row.id);
      byType[row.type].push(row);
    }
    if (!globalRow && input.enabled) throw new Error('RuleIndex: the rule table has no Global row');
    const bits = new ScriptBits(scriptKeys);
    const global = new Uint32Array(bits.words);
    if (globalRow) bits.setBits(globalRow.allowed, global, 0);
    const positions = scriptKeys.map((key) => bits.position(key)!);
    return new RuleIndex(input.enabled, [...scriptKeys], positions, bits, global, {
      space: InternedRows.build(byType.space, bits),
      group: InternedRows.build(byType.group.sort(compareRows), bits),
      user: InternedRows.build(byType.user, bits),
    });
  }

  /**
   * Yes or no, with no explanation built: for checks that only need the
   * answer (a run re-checking before each chunk). Same answer as `decide`.
   * @throws RangeError for a key that is not one of the index's script keys.
   */
  allows(subject: AccessSubject, scriptKey: string): boolean {
    const position = this.positionOf(scriptKey);
    return this.allowedBy(this.deciderFor(subject), position);
  }

  /** @throws RangeError for a key that is not one of the index's script keys. */
  decide(subject: AccessSubject, scriptKey: string): ScriptDecision {
    const position = this.positionOf(scriptKey);
    return this.answer(this.deciderFor(subject), scriptKey, position);
  }

  /** One decision per script, in catalog order. */
  explain(subject: AccessSubject): ScriptDecision[] {
    const decider = this.deciderFor(subject);
    const answers: ScriptDecision[] = new Array(this.keys.length);
    for (let i = 0; i < this.keys.length; i++) answers[i] = this.answer(decider, this.keys[i]!, this.positions[i]!);
    return answers;
  }

  private positionOf(scriptKey: string): number {
    const position = this.bits.position(scriptKey);
    if (position === undefined) throw new RangeError(`Unknown script key "${scriptKey}"`);
    return position;
  }

  private deciderFor(subject: AccessSubject): Decider {
    if (!subject.isSpaceAdmin) return NOT_SPACE_ADMIN;
    if (!this.enabled) return FEATURE_OFF;
    const user = this.rows.user.slotOf(subject.accountId);
    if (user !== undefined) return { layer: 'user', slot: user };
    const groups = this.groupSlotsOf(subject.groupIds);
    if (groups.length > 0) return { layer: 'group', slots: groups };
    const space = this.rows.space.slotOf(subject.space.id);
    if (space !== undefined) return { layer: 'space', slot: space };
    return GLOBAL;
  }

  private allowedBy(decider: Decider, position: number): boolean {
    switch (decider.layer) {
      case 'not-space-admin':
        return false;
      case 'feature-off':
        return true;
      case 'user':
      case 'space':
        return this.rows[decider.layer].allows(decider.slot, position);
      case 'group':
        return decider.slots.some((slot) => this.rows.group.allows(slot, position));
      case 'global':
        return hasBit(this.global, 0, position);
    }
  }

  private answer(decider: Decider, key: string, position: number): ScriptDecision {
    switch (decider.layer) {
      case 'not-space-admin':
      case 'feature-off':
      case 'global':
        return { key, allowed: this.allowedBy(decider, position), decidedBy: { type: decider.layer } };
      case 'user':
      case 'space': {
        const rows = this.rows[decider.layer];
        const decidedBy: DecidedBy = {
          type: decider.layer,
          ids: [rows.ids[decider.slot]!],
          names: [rows.names[decider.slot]!],
        };
        return { key, allowed: rows.allows(decider.slot, position), decidedBy };
      }
      case 'group':
        return this.groupAnswer(decider.slots, key, position);
    }
  }

  /** Allowed: the group rows that allowed it. Denied: every matching group row. Both in table order. */
  private groupAnswer(slots: readonly number[], key: string, position: number): ScriptDecision {
    const rows = this.rows.group;
    const ids: string[] = [];
    const names: string[] = [];
    for (const slot of slots) {
      if (rows.allows(slot, position)) {
        ids.push(rows.ids[slot]!);
        names.push(rows.names[slot]!);
      }
    }
    const allowed = ids.length > 0;
    if (!allowed) {
      for (const slot of slots) {
        ids.push(rows.ids[slot]!);
        names.push(rows.names[slot]!);
      }
    }
    return { key, allowed, decidedBy: { type: 'group', ids, names } };
  }

  /** The slots of the user's group rows, each once, ascending (= table order). */
  private groupSlotsOf(groupIds: readonly string[]): number[] {
    const rows = this.rows.group;
    const slots: number[] = [];
    for (const id of groupIds) {
      const slot = rows.slotOf(id);
      if (slot !== undefined) slots.push(slot);
    }
    if (slots.length <= 1) return slots;
    sortNumbers(slots);
    // Drop repeats (a group listed twice), keeping one of each.
    let unique = 1;
    for (let i = 1; i < slots.length; i++) if (slots[i] !== slots[unique - 1]) slots[unique++] = slots[i]!;
    slots.length = unique;
    return slots;
  }
}

/** Ascending, in place: by insertion for the few groups most users have, natively above that. */
function sortNumbers(values: number[]): void {
  if (values.length > 24) {
    values.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}
