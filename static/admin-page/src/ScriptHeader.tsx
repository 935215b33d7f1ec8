import { scriptHeaderStyle } from './tableStyles';
import type { BuiltInScript } from './types';

interface ScriptHeaderProps {
  script: BuiltInScript;
}

/** The column header for one built-in script. */
export function ScriptHeader({ script }: ScriptHeaderProps) {
  return (
    <th scope="col" style={scriptHeaderStyle} data-script-key={script.key}>
      {script.name}
    </th>
  );
}
