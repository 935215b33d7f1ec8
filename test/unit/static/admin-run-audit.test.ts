import type { RunAuditEntry } from '../../../src/contract/scripts';
import { auditInputNames, runAuditOutcome, runAuditTitle } from '../../../static/admin-page/src/audit/runAuditText';

const names = (key: string) => ({ 'bulk-purge-trash': 'Bulk Purge Trash' })[key] ?? key;
const base = {
  at: '2026-01-01T10:00:00Z',
  by: { accountId: 'u-bob' },
  runId: 'run-12345678',
  scriptKey: 'bulk-purge-trash',
  space: { id: '1001', key: 'MKT' },
};

test('a start names the script and the space; an end adds the state and the counts', () => {
  const started: RunAuditEntry = { ...base, kind: 'run-started', input: { types: ['page'] } };
  expect(runAuditTitle(started, names)).toBe('Started Bulk Purge Trash in MKT');
  expect(runAuditOutcome(started)).toBeUndefined();
  const ended: RunAuditEntry = {
    ...base,
    kind: 'run-ended',
    outcome: { state: 'stopped', done: 3, failed: 1, total: 10, message: 'Access withdrawn: Restricted.' },
  };
  expect(runAuditTitle(ended, names)).toBe('Bulk Purge Trash in MKT ended: Stopped');
  expect(runAuditOutcome(ended)).toBe('3 of 10 done, 1 failed. Access withdrawn: Restricted.');
  const plain: RunAuditEntry = {
    ...base,
    kind: 'run-ended',
    scriptKey: 'new-script',
    outcome: { state: 'succeeded', done: 2, failed: 0, total: 2, message: '2 of 2 done.' },
  };
  expect(runAuditTitle(plain, names)).toBe('new-script in MKT ended: Succeeded');
  expect(runAuditOutcome(plain)).toBe('2 of 2 done.');
});

test("an entry's input is named by what the run kept, the page's people lookup filling gaps", () => {
  const entry: RunAuditEntry = {
    ...base,
    kind: 'run-started',
    input: { authorAccountIds: ['u-bob', 'u-sam'] },
    inputNames: { pages: { '1': 'Home' }, people: { 'u-bob': 'Bob at start' } },
  };
  expect(auditInputNames(entry, { 'u-bob': 'Bob now', 'u-sam': 'Sam Taylor' })).toEqual({
    pages: { '1': 'Home' },
    people: { 'u-bob': 'Bob at start', 'u-sam': 'Sam Taylor' },
  });
  expect(auditInputNames({ ...entry, inputNames: undefined }, undefined)).toEqual({ people: {} });
});
