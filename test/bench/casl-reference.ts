/**
 * The reference engine for the bench: the same four rules written for CASL
 * (`@casl/ability`, a dev dependency of the bench only), used the way CASL's
 * docs describe: one ability built per request from the caller's rules, later
 * rules overriding earlier ones, the rule CASL finds relevant being the
 * explanation.
 *
 * To be fair to CASL, everything that does not depend on the caller is done
 * once, when the table is loaded (like RuleIndex.build): each row's raw rules
 * are built up front, and rows are found by id through plain Maps, since CASL
 * has no notion of looking a subject up in a table. Per request, only the
 * ability is built: Global's rules, then the space row's, then the group
 * layer (an "all denied" rule, then each of the user's group rows' allowing
 * rule, in table order), then the user row's.
 */
import { createMongoAbility, MongoAbility, RawRuleOf } from '@casl/ability';
import { AccessSubject, compareRows, DecidedBy, Row, RuleIndexInput, ScriptDecision } from '../../src/rules';

type RunAbility = MongoAbility<['run', string]>;
type RunRule = RawRuleOf<RunAbility>;

/** What a raw rule stands for, to turn CASL's relevant rule back into our explanation. */
type RuleOrigin =
  | { layer: 'feature-off' }
  | { layer: 'global' }
  | { layer: 'space' | 'user'; row: Row }
  | { layer: 'group'; row: Row }
  /** The group layer's "all denied" rule; `rows` are the user's group rows in table order. */
  | { layer: 'group-floor'; rows: readonly Row[] };

interface CompiledRow {
  row: Row;
  rank: number;
  rules: RunRule[];
}

export class CaslReference {
  private readonly origins = new WeakMap<object, RuleOrigin>();
  private readonly featureOff: RunRule[];
  private readonly global: RunRule[];
  private readonly spaces = new Map<string, CompiledRow>();
  private readonly groups = new Map<string, CompiledRow>();
  private readonly users = new Map<string, CompiledRow>();

  private constructor(
    private readonly enabled: boolean,
    private readonly keys: readonly string[],
    rows: readonly Row[],
  ) {
    this.featureOff = [this.tag({ action: 'run', subject: [...keys] }, { layer: 'feature-off' })];
    const globalRow = rows.find((r) => r.type === 'global');
    this.global = this.rowRules(globalRow?.allowed ?? [], { layer: 'global' });
    const groupRows = rows.filter((r) => r.type === 'group').sort(compareRows);
    groupRows.forEach((row, rank) => {
      // A group row only ever allows; the group layer's floor denies the rest.
      const rules =
        row.allowed.length > 0 ? [this.tag({ action: 'run', subject: [...row.allowed] }, { layer: 'group', row })] : [];
      this.groups.set(row.id, { row, rank, rules });
    });
    for (const row of rows) {
      if (row.type === 'space' || row.type === 'user') {
        const map = row.type === 'space' ? this.spaces : this.users;
        map.set(row.id, { row, rank: 0, rules: this.rowRules(row.allowed, { layer: row.type, row }) });
      }
    }
  }

  static build(input: RuleIndexInput, keys: readonly string[]): CaslReference {
    return new CaslReference(input.enabled, keys, input.rows);
  }

  /** The ability for one request: the caller's rules, lowest precedence first. */
  ability(subject: AccessSubject): RunAbility {
    if (!subject.isSpaceAdmin) return createMongoAbility<RunAbility>([]);
    if (!this.enabled) return createMongoAbility<RunAbility>(this.featureOff);
    const rules: RunRule[] = [...this.global];
    const space = this.spaces.get(subject.space.id);
    if (space) rules.push(...space.rules);
    const groups = this.groupsOf(subject);
    if (groups.length > 0) {
      rules.push(
        this.tag(
          { action: 'run', subject: [...this.keys], inverted: true },
          { layer: 'group-floor', rows: groups.map((g) => g.row) },
        ),
      );
      for (const group of groups) rules.push(...group.rules);
    }
    const user = this.users.get(subject.accountId);
    if (user) rules.push(...user.rules);
    return createMongoAbility<RunAbility>(rules);
  }

  /** One decision, one ability built for it: CASL's `can`. */
  can(subject: AccessSubject, key: string): boolean {
    return this.ability(subject).can('run', key);
  }

  /** One decision with its explanation, one ability built for it. */
  decide(subject: AccessSubject, key: string): ScriptDecision {
    return this.answer(this.ability(subject), key);
  }

  /** Every script for one caller, one ability built for all of them. */
  explain(subject: AccessSubject): ScriptDecision[] {
    const ability = this.ability(subject);
    return this.keys.map((key) => this.answer(ability, key));
  }

  private answer(ability: RunAbility, key: string): ScriptDecision {
    const rule = ability.relevantRuleFor('run', key);
    if (!rule) return { key, allowed: false, decidedBy: { type: 'not-space-admin' } };
    const origin = this.origins.get(rule.origin)!;
    return { key, allowed: !rule.inverted, decidedBy: this.decidedBy(ability, key, origin) };
  }

  private decidedBy(ability: RunAbility, key: string, origin: RuleOrigin): DecidedBy {
    switch (origin.layer) {
      case 'feature-off':
      case 'global':
        return { type: origin.layer };
      case 'space':
      case 'user':
        return { type: origin.layer, ids: [origin.row.id], names: [origin.row.name] };
      case 'group-floor':
        return { type: 'group', ids: origin.rows.map((r) => r.id), names: origin.rows.map((r) => r.name) };
      case 'group': {
        // Every group rule that allows `key`; CASL lists them highest precedence (last added) first.
        const allowing: Row[] = [];
        for (const rule of ability.rulesFor('run', key)) {
          const o = this.origins.get(rule.origin);
          if (o?.layer === 'group') allowing.push(o.row);
        }
        allowing.reverse();
        return { type: 'group', ids: allowing.map((r) => r.id), names: allowing.map((r) => r.name) };
      }
    }
  }

  private groupsOf(subject: AccessSubject): CompiledRow[] {
    const found = new Map<string, CompiledRow>();
    for (const id of subject.groupIds) {
      const group = this.groups.get(id);
      if (group) found.set(id, group);
    }
    return [...found.values()].sort((a, b) => a.rank - b.rank);
  }

  private rowRules(allowed: readonly string[], origin: RuleOrigin): RunRule[] {
    const granted = new Set(allowed);
    const denied = this.keys.filter((k) => !granted.has(k));
    const rules: RunRule[] = [];
    if (denied.length > 0) rules.push(this.tag({ action: 'run', subject: denied, inverted: true }, origin));
    if (granted.size > 0)
      rules.push(this.tag({ action: 'run', subject: this.keys.filter((k) => granted.has(k)) }, origin));
    return rules;
  }

  private tag(rule: RunRule, origin: RuleOrigin): RunRule {
    this.origins.set(rule, origin);
    return rule;
  }
}
