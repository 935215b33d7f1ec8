import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';

interface RulesStatusProps {
  enabled: boolean;
}

/** Says in words whether the rule table is in force. */
export function RulesStatus({ enabled }: RulesStatusProps) {
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Text as="p" weight="semibold">
          Built-in script rules
        </Text>
        <Lozenge appearance={enabled ? 'success' : 'default'}>{enabled ? 'On' : 'Off'}</Lozenge>
      </Inline>
      <Text as="p">
        {enabled
          ? 'Rules are on: the rule table below decides which built-in scripts each space admin may run.'
          : 'Rules are off: every space admin may run every built-in script in the spaces they administer. The rule table below takes effect when rules are turned on.'}
      </Text>
    </Stack>
  );
}
