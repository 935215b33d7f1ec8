import type { CSSProperties } from 'react';
import { token } from '@atlaskit/tokens';

/**
 * Inline styles for the rule table's native table elements, which the ADS
 * primitives do not style. Token values only, so light and dark themes work.
 */
const cellBorder = `${token('border.width')} solid ${token('color.border')}`;

export const tableStyle: CSSProperties = {
  borderCollapse: 'separate',
  borderSpacing: 0,
  width: 'max-content',
  minWidth: '100%',
  margin: 0,
};

const cellBase: CSSProperties = {
  padding: `${token('space.100')} ${token('space.100')}`,
  borderBottom: cellBorder,
  verticalAlign: 'middle',
};

/** The first column stays in view while 40 script columns scroll sideways. */
const stickyFirstColumn: CSSProperties = {
  position: 'sticky',
  insetInlineStart: 0,
  zIndex: 1,
  backgroundColor: token('elevation.surface'),
  borderInlineEnd: cellBorder,
};

export const cornerHeaderStyle: CSSProperties = {
  ...cellBase,
  ...stickyFirstColumn,
  textAlign: 'start',
  minWidth: '10rem',
  borderBottom: `${token('border.width.selected')} solid ${token('color.border')}`,
};

export const scriptHeaderStyle: CSSProperties = {
  ...cellBase,
  textAlign: 'center',
  minWidth: '5rem',
  maxWidth: '7.5rem',
  whiteSpace: 'normal',
  borderBottom: `${token('border.width.selected')} solid ${token('color.border')}`,
};

export const sectionHeaderStyle: CSSProperties = {
  ...cellBase,
  textAlign: 'start',
  paddingBlockStart: token('space.300'),
  backgroundColor: token('elevation.surface'),
};

/**
 * Section titles and "no rules" notes span the whole row; this keeps their
 * text in view at the left edge while the script columns scroll sideways.
 */
export const stickyRowLabelStyle: CSSProperties = {
  position: 'sticky',
  insetInlineStart: token('space.100'),
  display: 'inline-block',
};

export const subjectCellStyle: CSSProperties = {
  ...cellBase,
  ...stickyFirstColumn,
  textAlign: 'start',
  fontWeight: 'normal',
};

export const accessCellStyle: CSSProperties = {
  ...cellBase,
  textAlign: 'center',
};

export const emptySectionCellStyle: CSSProperties = {
  ...cellBase,
  color: token('color.text.subtlest'),
};

export const allowedMarkStyle: CSSProperties = {
  color: token('color.icon.success'),
  fontWeight: 'bold',
};

export const restrictedMarkStyle: CSSProperties = {
  color: token('color.icon.subtle'),
};
