/**
 * What a bench module is: a named group of figures. `run.ts` lists the
 * modules; adding one is one line there.
 */

/** One measured figure: a label for the table, a value for the JSON. */
export interface Figure {
  label: string;
  /** null when it could not be measured in this run (`note` says why). */
  value: number | null;
  /** Digits after the point in the table; 0 unless given. The JSON keeps the value as measured. */
  digits?: number;
  /** Printed after the value in the table, e.g. "ms", "KiB", "x". */
  unit?: string;
  /** Why the value is null, or how to read it. */
  note?: string;
  /**
   * For a module whose figures form a grid (calls x counts): the row and the
   * column this figure sits in. When every figure of a module has both, the
   * table is printed as that grid instead of one row per figure.
   */
  cell?: { row: string; column: string };
}

/** A module's figures by key; a dotted key ("getMyScripts.kvs") nests in the JSON. */
export type Figures = Record<string, Figure>;

export interface BenchModule {
  /** The module's key in the JSON, e.g. `engine` for `engine.decisionsPerSecond`. */
  key: string;
  /** The table's heading. */
  title: string;
  run(): Promise<Figures> | Figures;
}

/** A figure that this run could not measure, with the reason. */
export function unmeasured(label: string, note: string): Figure {
  return { label, value: null, note };
}
