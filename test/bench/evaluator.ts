import { performance } from 'node:perf_hooks';
import { Row, RuleIndex } from '../../src/rules';

/** A random-but-seeded table: 10,000 rows over 40 scripts, a fifth each spaces/groups, the rest users. */
function syntheticTable(rows: number, scripts: string[]) {
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

export interface EvaluatorFigures {
  rows: number;
  scripts: number;
  indexBuildMs: number;
  decisionsPerSecond: number;
  explainsPerSecond: number;
}

export function benchEvaluator(rowCount = 10_000, scriptCount = 40): EvaluatorFigures {
  const scripts = Array.from({ length: scriptCount }, (_, i) => `script-${i}`);
  const rows = syntheticTable(rowCount, scripts);
  const groups = rows.filter((r) => r.type === 'group').map((r) => r.id);
  const spaces = rows.filter((r) => r.type === 'space').map((r) => r.id);
  const users = rows.filter((r) => r.type === 'user').map((r) => r.id);

  const builds: number[] = [];
  let index = RuleIndex.build({ enabled: true, rows }, scripts);
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    index = RuleIndex.build({ enabled: true, rows }, scripts);
    builds.push(performance.now() - t0);
  }
  builds.sort((a, b) => a - b);

  const subjects = Array.from({ length: 1000 }, (_, i) => ({
    accountId: i % 3 === 0 ? users[i % users.length]! : `nobody-${i}`,
    groupIds: Array.from({ length: 20 }, (_, g) => groups[(i * 7 + g * 13) % groups.length]!),
    space: { id: spaces[i % spaces.length]!, key: 'K' },
    isSpaceAdmin: true,
  }));
  const decisionsStart = performance.now();
  let decisions = 0;
  while (performance.now() - decisionsStart < 1000) {
    for (const subject of subjects) {
      index.decide(subject, scripts[decisions % scriptCount]!);
      decisions++;
    }
  }
  const decisionSeconds = (performance.now() - decisionsStart) / 1000;

  const explainStart = performance.now();
  let explains = 0;
  while (performance.now() - explainStart < 1000) {
    index.explain(subjects[explains % subjects.length]!);
    explains++;
  }
  const explainSeconds = (performance.now() - explainStart) / 1000;
  return {
    rows: rowCount,
    scripts: scriptCount,
    indexBuildMs: builds[Math.floor(builds.length / 2)]!,
    decisionsPerSecond: Math.round(decisions / decisionSeconds),
    explainsPerSecond: Math.round(explains / explainSeconds),
  };
}
