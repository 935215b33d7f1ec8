/**
 * The rule engine against CASL, in one process, same table, same queries.
 *
 * Both engines are fed the same 10,000-row table and the same sequence of
 * (subject, script) queries, and their answers are checked equal, every
 * subject and every script, before anything is timed. The timed runs
 * alternate between the engines in short samples and keep each one's best
 * sample, so that load from other processes on a shared machine hits both
 * alike; the ratios within one run are the figures to read, the absolute
 * rates move with the machine.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { AccessSubject, Row, RuleIndex } from '../../src/rules';
import { CaslReference } from './casl-reference';
import { Figures } from './module';

const ROWS = 10_000;
const SCRIPTS = 40;
const SUBJECTS = 1000;
const GROUPS_PER_USER = 20;
/** Alternating samples per contender, and each sample's length. */
const ROUNDS = 10;
const SAMPLE_MS = 150;

/** A random-but-seeded table: 10,000 rows over 40 scripts, a fifth each spaces/groups, the rest users. */
function syntheticTable(rows: number, scripts: string[]): Row[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = () => scripts.filter(() => random() < 0.5);
  const table: Row[] = [{ type: 'global', id: 'global', name: 'Global', allowed: pick() }];
  for (let i = 0; i < rows - 1; i++) {
    const type = i % 5 === 0 ? 'space' : i % 5 === 1 ? 'group' : 'user';
    table.push({
      type,
      id: `${type}-${i}`,
      name: `${type} ${i}`,
      allowed: pick(),
      ...(type === 'space' ? { key: `S${i}` } : {}),
    });
  }
  return table;
}

/** 1,000 space admins, each in 20 groups that have rows; a third also have a user row. */
function syntheticSubjects(rows: readonly Row[]): AccessSubject[] {
  const ids = (type: Row['type']) => rows.filter((r) => r.type === type).map((r) => r.id);
  const [groups, spaces, users] = [ids('group'), ids('space'), ids('user')];
  return Array.from({ length: SUBJECTS }, (_, i) => ({
    accountId: i % 3 === 0 ? users[i % users.length]! : `nobody-${i}`,
    groupIds: Array.from({ length: GROUPS_PER_USER }, (_, g) => groups[(i * 7 + g * 13) % groups.length]!),
    space: { id: spaces[i % spaces.length]!, key: 'K' },
    isSpaceAdmin: true,
  }));
}

interface Engines {
  index: RuleIndex;
  casl: CaslReference;
  subjects: AccessSubject[];
  scripts: string[];
}

/** Throws unless both engines give the same answer objects to every query the bench times. */
function checkAnswersEqual({ index, casl, subjects, scripts }: Engines): number {
  let checked = 0;
  for (const subject of subjects) {
    const explained = index.explain(subject);
    if (!isDeepStrictEqual(explained, casl.explain(subject))) {
      throw new Error(`engine bench: RuleIndex and CASL explain ${subject.accountId} differently`);
    }
    for (const [i, key] of scripts.entries()) {
      const decision = index.decide(subject, key);
      if (!isDeepStrictEqual(decision, casl.decide(subject, key)) || !isDeepStrictEqual(decision, explained[i])) {
        throw new Error(`engine bench: RuleIndex and CASL decide ${subject.accountId}/${key} differently`);
      }
      if (index.allows(subject, key) !== decision.allowed || casl.can(subject, key) !== decision.allowed) {
        throw new Error(`engine bench: a yes/no answer differs from the decision for ${subject.accountId}/${key}`);
      }
      checked++;
    }
  }
  return checked;
}

/** Calls per second of each contender: the best of ROUNDS alternating samples. */
function bestRates(contenders: Record<string, (i: number) => unknown>): Record<string, number> {
  const best: Record<string, number> = {};
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(contenders)) {
      const start = performance.now();
      let calls = 0;
      while (performance.now() - start < SAMPLE_MS) {
        for (let j = 0; j < 100; j++) if (call(calls++)) sink++;
      }
      best[name] = Math.max(best[name] ?? 0, calls / ((performance.now() - start) / 1000));
    }
  }
  // Keeps the answers observable, so no call can be optimised away.
  if (sink < 0) console.error(sink);
  return best;
}

function medianBuildMs(rows: Row[], scripts: string[]): number {
  const builds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    RuleIndex.build({ enabled: true, rows }, scripts);
    builds.push(performance.now() - start);
  }
  return builds.sort((a, b) => a - b)[Math.floor(builds.length / 2)]!;
}

export function benchEngine(): Figures {
  const scripts = Array.from({ length: SCRIPTS }, (_, i) => `script-${i}`);
  const rows = syntheticTable(ROWS, scripts);
  const subjects = syntheticSubjects(rows);
  const engines: Engines = {
    index: RuleIndex.build({ enabled: true, rows }, scripts),
    casl: CaslReference.build({ enabled: true, rows }, scripts),
    subjects,
    scripts,
  };
  const answersChecked = checkAnswersEqual(engines);
  const { index, casl } = engines;
  const subjectOf = (i: number) => subjects[i % SUBJECTS]!;
  const keyOf = (i: number) => scripts[i % SCRIPTS]!;
  const rate = bestRates({
    decide: (i) => index.decide(subjectOf(i), keyOf(i)).allowed,
    caslCan: (i) => casl.can(subjectOf(i), keyOf(i)),
    allows: (i) => index.allows(subjectOf(i), keyOf(i)),
    caslDecide: (i) => casl.decide(subjectOf(i), keyOf(i)).allowed,
    explain: (i) => index.explain(subjectOf(i)).length,
    caslExplain: (i) => casl.explain(subjectOf(i)).length,
  });
  const perSecond = (label: string, value: number, note?: string) => ({
    label,
    value: Math.round(value),
    ...(note ? { note } : {}),
  });
  return {
    rows: { label: 'rule table rows', value: ROWS },
    scripts: { label: 'scripts (columns)', value: SCRIPTS },
    answersChecked: {
      label: 'queries answered identically by both engines before timing (subjects x scripts)',
      value: answersChecked,
    },
    indexBuildMs: {
      label: 'RuleIndex build, median of 20',
      value: medianBuildMs(rows, scripts),
      digits: 1,
      unit: 'ms',
    },
    decisionsPerSecond: perSecond(
      'RuleIndex.decide per second (user in 20 groups; answer with its explanation)',
      rate.decide!,
    ),
    caslDecisionsPerSecond: perSecond(
      'CASL decisions per second (one ability built per request, then can(); yes/no only)',
      rate.caslCan!,
    ),
    decisionsRatio: { label: 'decisions: RuleIndex / CASL', value: rate.decide! / rate.caslCan!, digits: 1, unit: 'x' },
    allowsPerSecond: perSecond('RuleIndex.allows per second (yes/no only, no explanation)', rate.allows!),
    caslDecideWithReasonPerSecond: perSecond(
      'CASL decisions with the same explanation per second (ability per request, relevantRuleFor)',
      rate.caslDecide!,
    ),
    explainPerSecond: perSecond('RuleIndex.explain of all 40 scripts per second', rate.explain!),
    caslExplainPerSecond: perSecond(
      'CASL explanations of all 40 scripts per second (one ability, the same answer objects)',
      rate.caslExplain!,
    ),
    explainRatio: {
      label: 'explanations: RuleIndex / CASL',
      value: rate.explain! / rate.caslExplain!,
      digits: 1,
      unit: 'x',
    },
  };
}
