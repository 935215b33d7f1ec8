import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * Inline styles for the rule table's native table elements, which the ADS
 * primitives do not style. Token values only, so light and dark themes work.
 *
 * Every body line has the same height, so the table can render only the
 * lines in view (rules/visibleRange.ts) and still scroll like the whole table.
 */
export const LINE_HEIGHT_PX = 40;

const SUBJECT_COLUMN = '17rem';
const SCRIPT_COLUMN = '6.5rem';

const cellBorder = `${token('border.width')} solid ${token('color.border')}`;
const headerBorder = `${token('border.width.selected')} solid ${token('color.border')}`;

/** The scroll region: both directions, a bounded height, room kept for the sticky header and column. */
export function scrollRegionStyle(headerHeight: number): CSSProperties {
  return {
    overflow: 'auto',
    maxHeight: '36rem',
    scrollPaddingBlockStart: `${headerHeight}px`,
    scrollPaddingInlineStart: SUBJECT_COLUMN,
    border: cellBorder,
    borderRadius: token('radius.small'),
  };
}

export function tableStyle(scriptCount: number): CSSProperties {
  return {
    borderCollapse: 'separate',
    borderSpacing: 0,
    tableLayout: 'fixed',
    width: `max(100%, calc(${SUBJECT_COLUMN} + ${scriptCount} * ${SCRIPT_COLUMN}))`,
    margin: 0,
  };
}

export const subjectColumnStyle: CSSProperties = { width: SUBJECT_COLUMN };
export const scriptColumnStyle: CSSProperties = { width: SCRIPT_COLUMN };

const stickyTop: CSSProperties = {
  position: 'sticky',
  insetBlockStart: 0,
  zIndex: 2,
  backgroundColor: token('elevation.surface'),
  borderBottom: headerBorder,
};

/** The first column stays in view while 40 script columns scroll sideways. */
const stickyStart: CSSProperties = {
  position: 'sticky',
  insetInlineStart: 0,
  zIndex: 1,
  backgroundColor: token('elevation.surface'),
  borderInlineEnd: cellBorder,
};

const headerCell: CSSProperties = {
  padding: token('space.100'),
  verticalAlign: 'bottom',
  fontWeight: token('font.weight.semibold'),
};

export const cornerHeaderStyle: CSSProperties = {
  ...headerCell,
  ...stickyTop,
  ...stickyStart,
  borderBottom: headerBorder,
  zIndex: 3,
  textAlign: 'start',
};

export const scriptHeaderStyle: CSSProperties = {
  ...headerCell,
  ...stickyTop,
  textAlign: 'center',
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
};

const lineCell: CSSProperties = {
  height: LINE_HEIGHT_PX,
  boxSizing: 'border-box',
  paddingBlock: 0,
  paddingInline: token('space.100'),
  borderBottom: cellBorder,
  verticalAlign: 'middle',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
};

export const subjectCellStyle: CSSProperties = {
  ...lineCell,
  ...stickyStart,
  textAlign: 'start',
  fontWeight: token('font.weight.regular'),
};

export const accessCellStyle: CSSProperties = {
  ...lineCell,
  textAlign: 'center',
};

/** A checkbox the admin changed and has not saved yet. */
export const editedAccessCellStyle: CSSProperties = {
  ...accessCellStyle,
  backgroundColor: token('color.background.accent.yellow.subtlest'),
};

export const sectionHeadingCellStyle: CSSProperties = {
  ...lineCell,
  textAlign: 'start',
  backgroundColor: token('elevation.surface.sunken'),
};

export const emptySectionCellStyle: CSSProperties = {
  ...lineCell,
  color: token('color.text.subtlest'),
};

/**
 * Section titles and "no rules" notes span the whole row; this keeps their
 * text in view at the left edge while the script columns scroll sideways.
 */
export const stickyLineLabelStyle: CSSProperties = {
  position: 'sticky',
  insetInlineStart: token('space.100'),
  display: 'inline-block',
};

export const spacerCellStyle: CSSProperties = {
  padding: 0,
  border: 0,
};
