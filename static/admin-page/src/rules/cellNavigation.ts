/**
 * Arrow-key moves between the rule table's checkboxes, as in a grid: up and
 * down skip section headings, left and right stay in the row. Pure.
 */
import type { TableLine } from './ruleSections';

export interface CellPosition {
  line: number;
  column: number;
}

/** The cell a key moves to, or undefined when the key is not a move or there is nowhere to go. */
export function nextCell(
  key: string,
  from: CellPosition,
  lines: readonly Pick<TableLine, 'kind'>[],
  columnCount: number,
): CellPosition | undefined {
  switch (key) {
    case 'ArrowUp':
      return ruleLine(lines, from.line, -1, from.column);
    case 'ArrowDown':
      return ruleLine(lines, from.line, 1, from.column);
    case 'ArrowLeft':
      return from.column > 0 ? { line: from.line, column: from.column - 1 } : undefined;
    case 'ArrowRight':
      return from.column < columnCount - 1 ? { line: from.line, column: from.column + 1 } : undefined;
    case 'Home':
      return from.column > 0 ? { line: from.line, column: 0 } : undefined;
    case 'End':
      return from.column < columnCount - 1 ? { line: from.line, column: columnCount - 1 } : undefined;
    default:
      return undefined;
  }
}

function ruleLine(
  lines: readonly Pick<TableLine, 'kind'>[],
  start: number,
  step: 1 | -1,
  column: number,
): CellPosition | undefined {
  for (let line = start + step; line >= 0 && line < lines.length; line += step) {
    if (lines[line]?.kind === 'rule') return { line, column };
  }
  return undefined;
}
