import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import { scriptHeaderStyle } from './tableStyles';
import type { BuiltInScript } from './types';

interface ScriptHeaderProps {
  script: BuiltInScript;
  /** Added to the catalog since the table was last saved. */
  isNew: boolean;
}

/** The column header for one built-in script, marked "New" when the catalog just gained it. */
export function ScriptHeader({ script, isNew }: ScriptHeaderProps) {
  return (
    <th scope="col" style={scriptHeaderStyle} data-script-key={script.key} data-new-script={isNew || undefined}>
      <Stack space="space.050" alignInline="center">
        <span>{script.name}</span>
        {isNew ? <Lozenge appearance="new">New</Lozenge> : null}
      </Stack>
    </th>
  );
}
