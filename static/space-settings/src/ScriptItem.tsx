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
}

/** One built-in script: its name, state, description, and why. */
export function ScriptItem({ script }: ScriptItemProps) {
  return (
    <Box as="li" padding="space.200" backgroundColor="elevation.surface" xcss={itemStyles}>
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
    </Box>
  );
}

function ScriptStateLozenge({ allowed }: { allowed: boolean }) {
  return <Lozenge appearance={allowed ? 'success' : 'removed'}>{allowed ? 'Available' : 'Restricted'}</Lozenge>;
}
