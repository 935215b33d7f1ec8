import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { describeDecision } from './reasons';
import type { MyScript } from './types';

const itemStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  // css-reset spaces `li + li`; the list's Stack gap does that here.
  marginBlockStart: 'space.0',
});

interface ScriptItemProps {
  script: MyScript;
  /** Opens the script's form; only allowed scripts get it, so restricted ones have no way to run. */
  onOpen?: (script: MyScript) => void;
}

/** One built-in script: its name, state, description, and why; an allowed one can be opened. */
export function ScriptItem({ script, onOpen }: ScriptItemProps) {
  return (
    <Box as="li" padding="space.200" backgroundColor="elevation.surface" xcss={itemStyles} data-script-key={script.key}>
      <Inline space="space.200" spread="space-between" alignBlock="start">
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Heading size="xsmall" as="h3">
              {script.name}
            </Heading>
            <ScriptStateLozenge allowed={script.allowed} />
          </Inline>
          <Text as="p">{script.description}</Text>
          <Text as="p" color="color.text.subtle">
            {describeDecision(script)}
          </Text>
        </Stack>
        {script.allowed && onOpen ? (
          <Button onClick={() => onOpen(script)} aria-label={`Open ${script.name}`}>
            Open
          </Button>
        ) : null}
      </Inline>
    </Box>
  );
}

function ScriptStateLozenge({ allowed }: { allowed: boolean }) {
  return <Lozenge appearance={allowed ? 'success' : 'removed'}>{allowed ? 'Available' : 'Restricted'}</Lozenge>;
}
