import { Box, xcss } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';

const focusableNameStyles = xcss({
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  minWidth: '0',
  borderRadius: 'radius.small',
  ':focus-visible': {
    outlineColor: 'color.border.focused',
    outlineStyle: 'solid',
    outlineWidth: 'border.width.focused',
    outlineOffset: 'space.025',
  },
});

interface SubjectNameProps {
  name: string;
  id: string;
  /** What the id is called, e.g. "Group ID". */
  idLabel: string;
}

/**
 * A rule's display name, with its stored id in a tooltip on hover and on
 * keyboard focus (names can change or repeat; the id is what the rule keys on).
 */
export function SubjectName({ name, id, idLabel }: SubjectNameProps) {
  return (
    <Tooltip content={`${name} · ${idLabel}: ${id}`} position="right">
      {(triggerProps) => (
        <Box as="span" tabIndex={0} xcss={focusableNameStyles} {...triggerProps}>
          {name}
        </Box>
      )}
    </Tooltip>
  );
}
