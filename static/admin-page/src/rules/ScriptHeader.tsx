import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import type { BuiltInScript } from '../types';
import { scriptHeaderStyle } from './tableStyles';

const focusableHeaderStyles = xcss({
  borderRadius: 'radius.small',
  ':focus-visible': {
    outlineColor: 'color.border.focused',
    outlineStyle: 'solid',
    outlineWidth: 'border.width.focused',
    outlineOffset: 'space.025',
  },
});

interface ScriptHeaderProps {
  script: BuiltInScript;
  /** Added to the catalog since the table was last saved. */
  isNew: boolean;
}

/**
 * The column header for one built-in script: its name, with its description
 * in a tooltip on hover and keyboard focus; marked "New" when the catalog
 * just gained it (Global has it checked, every other row unchecked).
 */
export function ScriptHeader({ script, isNew }: ScriptHeaderProps) {
  return (
    <th scope="col" style={scriptHeaderStyle} data-script-key={script.key} data-new-script={isNew || undefined}>
      <Stack space="space.050" alignInline="center">
        <Tooltip content={script.description || script.name} position="bottom">
          {(triggerProps) => (
            <Box as="span" tabIndex={0} xcss={focusableHeaderStyles} {...triggerProps}>
              {script.name}
            </Box>
          )}
        </Tooltip>
        {isNew ? <Lozenge appearance="new">New</Lozenge> : null}
      </Stack>
    </th>
  );
}
