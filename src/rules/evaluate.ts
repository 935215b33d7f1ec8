import { Row, RowType } from './model';
import { compareRows } from './order';

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

interface IndexedRow {
  readonly id: string;
  readonly name: string;
  readonly allowed: ReadonlySet<string>;
  /** Position in table order (by name, then id) among rows of its type, fixed at build time. */
  rank: number;
}

type SubjectType = Exclude<RowType, 'global'>;

/**
 * The rule table, indexed once for many decisions: per row type, a map from
 * subject id to that row's set of allowed script keys. A decision costs
 * O(number of the user's groups).
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
    private readonly known: ReadonlySet<string>,
    private readonly global: ReadonlySet<string>,
    private readonly bySubject: Readonly<Record<SubjectType, ReadonlyMap<string, IndexedRow>>>,
  ) {}

  /**
   * @param scriptKeys the catalog's keys; `explain` answers in this order.
   * @throws Error if two rows share a (type, id), or if the toggle is on and
   *   there is no Global row (a partial table must still carry Global).
   */
  static build(input: RuleIndexInput, scriptKeys: readonly string[]): RuleIndex {
    const bySubject: Record<SubjectType, Map<string, IndexedRow>> = {
      space: new Map(),
      group: new Map(),
      user: new Map(),
    };
    let global: ReadonlySet<string> | undefined;
    for (const row of input.rows) {
      if (row.type === 'global') {
        if (global) throw new Error('RuleIndex: the rule table has more than one Global row');
        global = new Set(row.allowed);
        continue;
      }
      const map = bySubject[row.type];
      if (map.has(row.id)) throw new Error(`RuleIndex: duplicate row ${row.type}:${row.id}`);
      map.set(row.id, { id: row.id, name: row.name, allowed: new Set(row.allowed), rank: 0 });
    }
    // Rank group rows once, so a decision orders the user's groups by a number
    // instead of comparing names.
    [...bySubject.group.values()]
      .sort((a, b) => compareRows({ type: 'group', id: a.id, name: a.name }, { type: 'group', id: b.id, name: b.name }))
      .forEach((row, rank) => (row.rank = rank));
    if (!global && input.enabled) throw new Error('RuleIndex: the rule table has no Global row');
    return new RuleIndex(input.enabled, [...scriptKeys], new Set(scriptKeys), global ?? new Set(), bySubject);
  }

  /** @throws RangeError for a key that is not one of the index's script keys. */
  decide(subject: AccessSubject, scriptKey: string): ScriptDecision {
    return this.resolve(subject, scriptKey, () => this.groupRowsOf(subject));
  }

  /** One decision per script, in catalog order. */
  explain(subject: AccessSubject): ScriptDecision[] {
    let groups: IndexedRow[] | undefined;
    const groupRows = (): IndexedRow[] => (groups ??= this.groupRowsOf(subject));
    return this.keys.map((key) => this.resolve(subject, key, groupRows));
  }

  private resolve(subject: AccessSubject, scriptKey: string, groupRows: () => IndexedRow[]): ScriptDecision {
    if (!this.known.has(scriptKey)) throw new RangeError(`Unknown script key "${scriptKey}"`);
    const decision = (allowed: boolean, decidedBy: DecidedBy): ScriptDecision => ({
      key: scriptKey,
      allowed,
      decidedBy,
    });

    if (!subject.isSpaceAdmin) return decision(false, { type: 'not-space-admin' });
    if (!this.enabled) return decision(true, { type: 'feature-off' });

    const user = this.bySubject.user.get(subject.accountId);
    if (user) return decision(user.allowed.has(scriptKey), { type: 'user', ids: [user.id], names: [user.name] });

    const groups = groupRows();
    if (groups.length > 0) {
      const allowing = groups.filter((g) => g.allowed.has(scriptKey));
      const shown = allowing.length > 0 ? allowing : groups;
      return decision(allowing.length > 0, {
        type: 'group',
        ids: shown.map((g) => g.id),
        names: shown.map((g) => g.name),
      });
    }

    const space = this.bySubject.space.get(subject.space.id);
    if (space) return decision(space.allowed.has(scriptKey), { type: 'space', ids: [space.id], names: [space.name] });

    return decision(this.global.has(scriptKey), { type: 'global' });
  }

  /** The user's group rows, each once, in table order (by name, then id). */
  private groupRowsOf(subject: AccessSubject): IndexedRow[] {
    const found = new Map<string, IndexedRow>();
    for (const id of subject.groupIds) {
      const row = this.bySubject.group.get(id);
      if (row) found.set(id, row);
    }
    return [...found.values()].sort((a, b) => a.rank - b.rank);
  }
}
