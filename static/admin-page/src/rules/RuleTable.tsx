import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import Heading from '@atlaskit/heading';
import type { BuiltInScript } from '../types';
import { nextCell, type CellPosition } from './cellNavigation';
import { ruleStatus, type RuleDraft } from './ruleDraft';
import { ruleRef, type RuleRef } from './ruleOrder';
import { RuleRow } from './RuleRow';
import type { RuleSection, TableLine } from './ruleSections';
import { ScriptHeader } from './ScriptHeader';
import {
  cornerHeaderStyle,
  emptySectionCellStyle,
  LINE_HEIGHT_PX,
  scriptColumnStyle,
  scrollRegionStyle,
  sectionHeadingCellStyle,
  spacerCellStyle,
  stickyLineLabelStyle,
  subjectColumnStyle,
  tableStyle,
} from './tableStyles';
import { useWindowedLines } from './useWindowedLines';

interface RuleTableProps {
  lines: readonly TableLine[];
  scripts: readonly BuiltInScript[];
  /** Scripts added to the catalog since the table was saved; their columns are marked. */
  newScriptKeys: readonly string[];
  draft: RuleDraft;
  /** The id of the heading that names the table. */
  labelledBy: string;
  /** Changes when the filter does: the table then scrolls back to the top. */
  filter: string;
  onToggle(ref: RuleRef, scriptKey: string, checked: boolean): void;
  onRemove(ref: RuleRef, label: string): void;
}

/**
 * The rule table: one column per built-in script, one line per rule under
 * its section heading (Global, Spaces, Groups, Users). Only the lines in view
 * are rendered, so 10,000 rows scroll as smoothly as ten. The region scrolls
 * both ways with a sticky header and subject column; arrow keys move between
 * checkboxes, Space toggles one.
 */
export function RuleTable({
  lines,
  scripts,
  newScriptKeys,
  draft,
  labelledBy,
  filter,
  onToggle,
  onRemove,
}: RuleTableProps) {
  const windowed = useWindowedLines(lines.length, LINE_HEIGHT_PX);
  const { range, scrollRef, headerRef, reveal, scrollToTop } = windowed;
  const pendingFocus = useRef<CellPosition | undefined>(undefined);
  const newKeys = new Set(newScriptKeys);
  const columnCount = scripts.length + 1;

  useEffect(() => {
    scrollToTop();
  }, [filter, scrollToTop]);

  const focusCell = useCallback(
    (cell: CellPosition): boolean => {
      const input = scrollRef.current?.querySelector<HTMLInputElement>(
        `input[data-line="${cell.line}"][data-col="${cell.column}"]`,
      );
      if (!input) return false;
      input.focus();
      return true;
    },
    [scrollRef],
  );

  useLayoutEffect(() => {
    if (pendingFocus.current && focusCell(pendingFocus.current)) pendingFocus.current = undefined;
  });

  /** The removed row's button goes away with it: keep keyboard focus in the table. */
  const removeKeepingFocus = useCallback(
    (ref: RuleRef, label: string) => {
      onRemove(ref, label);
      scrollRef.current?.focus({ preventScroll: true });
    },
    [onRemove, scrollRef],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || target.dataset.line === undefined) return;
    const from = { line: Number(target.dataset.line), column: Number(target.dataset.col) };
    const to = nextCell(event.key, from, lines, scripts.length);
    if (!to) return;
    event.preventDefault();
    reveal(to.line);
    if (!focusCell(to)) pendingFocus.current = to;
  };

  const visible = groupBySection(lines, range.start, range.end);
  const topSpace = range.start * LINE_HEIGHT_PX;
  const bottomSpace = (lines.length - range.end) * LINE_HEIGHT_PX;

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
      style={scrollRegionStyle(windowed.headerHeight)}
      onKeyDown={onKeyDown}
    >
      <table style={tableStyle(scripts.length)} aria-labelledby={labelledBy} aria-rowcount={lines.length + 1}>
        <colgroup>
          <col style={subjectColumnStyle} />
          {scripts.map((script) => (
            <col key={script.key} style={scriptColumnStyle} />
          ))}
        </colgroup>
        <thead ref={headerRef}>
          <tr aria-rowindex={1}>
            <th scope="col" style={cornerHeaderStyle}>
              Rule
            </th>
            {scripts.map((script) => (
              <ScriptHeader key={script.key} script={script} isNew={newKeys.has(script.key)} />
            ))}
          </tr>
        </thead>
        {visible.map((group, index) => (
          <tbody key={group.section.type} data-section={group.section.type}>
            {index === 0 && topSpace > 0 ? <SpacerRow height={topSpace} columnCount={columnCount} /> : null}
            {group.lines.map(({ line, index: lineIndex }) => {
              const ariaRowIndex = lineIndex + 2;
              if (line.kind === 'heading') {
                return (
                  <SectionHeadingRow
                    key="heading"
                    section={line.section}
                    count={line.count}
                    columnCount={columnCount}
                    ariaRowIndex={ariaRowIndex}
                  />
                );
              }
              if (line.kind === 'empty') {
                return (
                  <EmptySectionRow key="empty" text={line.text} columnCount={columnCount} ariaRowIndex={ariaRowIndex} />
                );
              }
              const ref = ruleRef(line.rule);
              return (
                <RuleRow
                  key={ref}
                  rule={line.rule}
                  line={lineIndex}
                  ariaRowIndex={ariaRowIndex}
                  scripts={scripts}
                  status={ruleStatus(draft, ref)}
                  editedCells={draft.cells.get(ref)}
                  idLabel={line.section.idLabel}
                  onToggle={onToggle}
                  onRemove={removeKeepingFocus}
                />
              );
            })}
            {index === visible.length - 1 && bottomSpace > 0 ? (
              <SpacerRow height={bottomSpace} columnCount={columnCount} />
            ) : null}
          </tbody>
        ))}
      </table>
    </div>
  );
}

interface VisibleGroup {
  section: RuleSection;
  lines: { line: TableLine; index: number }[];
}

/** The rendered lines, one group per section so each section keeps its own `<tbody>`. */
function groupBySection(lines: readonly TableLine[], start: number, end: number): VisibleGroup[] {
  const groups: VisibleGroup[] = [];
  for (let index = start; index < end; index += 1) {
    const line = lines[index];
    if (!line) continue;
    const last = groups[groups.length - 1];
    if (last && last.section.type === line.section.type) last.lines.push({ line, index });
    else groups.push({ section: line.section, lines: [{ line, index }] });
  }
  return groups;
}

function SectionHeadingRow({
  section,
  count,
  columnCount,
  ariaRowIndex,
}: {
  section: RuleSection;
  count: number;
  columnCount: number;
  ariaRowIndex: number;
}) {
  return (
    <tr aria-rowindex={ariaRowIndex}>
      <th scope="rowgroup" colSpan={columnCount} style={sectionHeadingCellStyle}>
        <span style={stickyLineLabelStyle}>
          <Heading size="xsmall" as="h3">
            {section.type === 'global' ? section.title : `${section.title} (${count.toLocaleString()})`}
          </Heading>
        </span>
      </th>
    </tr>
  );
}

function EmptySectionRow({
  text,
  columnCount,
  ariaRowIndex,
}: {
  text: string;
  columnCount: number;
  ariaRowIndex: number;
}) {
  return (
    <tr aria-rowindex={ariaRowIndex}>
      <td colSpan={columnCount} style={emptySectionCellStyle}>
        <span style={stickyLineLabelStyle}>{text}</span>
      </td>
    </tr>
  );
}

/** Stands in for the lines above or below the rendered ones, so the scrollbar matches the whole table. */
function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columnCount} style={spacerCellStyle} />
    </tr>
  );
}
