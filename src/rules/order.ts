import { Row, ROW_TYPES, RowType } from './model';

/**
 * Canonical order of rows: Global, then spaces, groups, users; within a type
 * by name (case-insensitively, then exactly), then by id. Plain code-unit
 * comparison so the order is the same on every runtime and locale.
 */
export function compareRows(a: Pick<Row, 'type' | 'id' | 'name'>, b: Pick<Row, 'type' | 'id' | 'name'>): number {
  return (
    typeRank(a.type) - typeRank(b.type) ||
    compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.id, b.id)
  );
}

export function sortRows<T extends Pick<Row, 'type' | 'id' | 'name'>>(rows: readonly T[]): T[] {
  return [...rows].sort(compareRows);
}

/** The given keys, deduplicated, in the order of `order` (keys not in it are dropped). */
export function inOrder(keys: Iterable<string>, order: readonly string[]): string[] {
  const wanted = new Set(keys);
  return order.filter((k) => wanted.has(k));
}

function typeRank(type: RowType): number {
  return ROW_TYPES.indexOf(type);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
