import { Row, RowType, rowRef, RuleTable } from './model';
import { compareRows } from './order';

/** One difference between two tables, for audit entries and import previews. */
export type Change =
  | { kind: 'toggle'; from: boolean; to: boolean }
  | { kind: 'row-added'; type: RowType; id: string; name: string; allowed: string[] }
  | { kind: 'row-removed'; type: RowType; id: string; name: string }
  /** `added`/`removed`: script keys newly checked / unchecked, in the rows' (catalog) order. */
  | { kind: 'row-changed'; type: RowType; id: string; name: string; added: string[]; removed: string[] };

/**
 * What changed from `before` to `after`: the toggle first, then one entry
 * per row added, removed or with different checkboxes, in table order.
 * A row whose only difference is its display name or space key is not a
 * change (names are refreshed from Confluence; access is what is audited).
 * `knownScripts` is not compared.
 */
export function diffTables(before: RuleTable, after: RuleTable): Change[] {
  const changes: Change[] = [];
  if (before.enabled !== after.enabled) changes.push({ kind: 'toggle', from: before.enabled, to: after.enabled });

  const old = byRef(before.rows);
  const now = byRef(after.rows);
  const rowChanges: { row: Row; change: Change }[] = [];

  for (const [ref, row] of now) {
    const prev = old.get(ref);
    if (!prev) {
      rowChanges.push({
        row,
        change: { kind: 'row-added', type: row.type, id: row.id, name: row.name, allowed: [...row.allowed] },
      });
      continue;
    }
    const was = new Set(prev.allowed);
    const is = new Set(row.allowed);
    const added = row.allowed.filter((k) => !was.has(k));
    const removed = prev.allowed.filter((k) => !is.has(k));
    if (added.length > 0 || removed.length > 0) {
      rowChanges.push({
        row,
        change: { kind: 'row-changed', type: row.type, id: row.id, name: row.name, added, removed },
      });
    }
  }
  for (const [ref, row] of old) {
    if (!now.has(ref)) {
      rowChanges.push({ row, change: { kind: 'row-removed', type: row.type, id: row.id, name: row.name } });
    }
  }

  rowChanges.sort((a, b) => compareRows(a.row, b.row));
  return [...changes, ...rowChanges.map((c) => c.change)];
}

function byRef(rows: readonly Row[]): Map<string, Row> {
  return new Map(rows.map((r) => [rowRef(r.type, r.id), r]));
}
