import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { Stack, xcss } from '@atlaskit/primitives';
import { ScriptItem } from './ScriptItem';
import type { MyScript } from './types';

/** The list's own spacing comes from the Stack gap, not the css-reset list indent and bullets. */
const plainListStyles = xcss({
  listStyle: 'none',
  paddingInlineStart: 'space.0',
  margin: 'space.0',
});

interface ScriptGroupProps {
  title: string;
  scripts: readonly MyScript[];
  onOpen?: (script: MyScript) => void;
}

/** A titled list of scripts that share a state ("Available" or "Restricted"). */
export function ScriptGroup({ title, scripts, onOpen }: ScriptGroupProps) {
  const headingId = useId();
  return (
    <Stack as="div" space="space.150">
      <Heading size="small" as="h2" id={headingId}>
        {title} ({scripts.length})
      </Heading>
      {/* role="list" keeps list semantics in Safari once bullets are styled away. */}
      <Stack as="ul" space="space.100" role="list" aria-labelledby={headingId} xcss={plainListStyles}>
        {scripts.map((script) => (
          <ScriptItem key={script.key} script={script} onOpen={onOpen} />
        ))}
      </Stack>
    </Stack>
  );
}
