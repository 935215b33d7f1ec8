import { Script, scriptKeys } from './catalog';

export type RowType = 'global' | 'space' | 'group' | 'user';

/** Every row type, in table order (Global first, users last). */
export const ROW_TYPES: readonly RowType[] = Object.freeze(['global', 'space', 'group', 'user'] as const);

/**
 * One subject's checkboxes. `allowed` lists the script keys that are checked,
 * in catalog order; a key that is absent is unchecked (restricted).
 */
export interface Row {
  type: RowType;
  /** accountId, group id, space id, or GLOBAL_ROW_ID. */
  id: string;
  /** Display name kept for the table; never used to match. */
  name: string;
  /** Space key; space rows only. */
  key?: string;
  allowed: string[];
}

export interface RuleTable {
  /** The toggle. Off: every space admin may run every script. */
  enabled: boolean;
  /** The catalog keys this table was last reconciled with. */
  knownScripts: string[];
  /** Canonical order; exactly one global row, id GLOBAL_ROW_ID. */
  rows: Row[];
}

/** Identifies a row: its type and id. */
export interface RowSelector {
  type: RowType;
  id: string;
}

export const GLOBAL_ROW_ID = 'global';
export const GLOBAL_ROW_NAME = 'Global';

/** A stable string for a row, e.g. `user:u-ada`, `global:global`. */
export function rowRef(type: RowType, id: string): string {
  return `${type}:${id}`;
}

export function isRowType(value: unknown): value is RowType {
  return typeof value === 'string' && (ROW_TYPES as readonly string[]).includes(value);
}

/** The table on first use: toggle off, a Global row with every script checked. */
export function defaultTable(catalog: readonly Script[]): RuleTable {
  const keys = scriptKeys(catalog);
  return {
    enabled: false,
    knownScripts: keys,
    rows: [{ type: 'global', id: GLOBAL_ROW_ID, name: GLOBAL_ROW_NAME, allowed: [...keys] }],
  };
}

/** A copy of a row with no stray fields (and no `key: undefined`). */
export function copyRow(row: Row): Row {
  const { type, id, name, key, allowed } = row;
  return key === undefined ? { type, id, name, allowed: [...allowed] } : { type, id, name, key, allowed: [...allowed] };
}
