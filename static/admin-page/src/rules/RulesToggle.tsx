import { useId } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';

export const RULES_OFF_MEANING =
  'Off: every space admin may run every built-in script in the spaces they administer. The rule table is kept but not used.';
export const RULES_ON_MEANING = 'On: the rule table below decides which built-in scripts each space admin may run.';

interface RulesToggleProps {
  enabled: boolean;
  /** The toggle differs from the saved one. */
  unsaved: boolean;
  onChange(enabled: boolean): void;
}

/** The rules on/off switch, saying in plain words what each position means. */
export function RulesToggle({ enabled, unsaved, onChange }: RulesToggleProps) {
  const toggleId = useId();
  const meaningId = useId();
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Toggle
          id={toggleId}
          isChecked={enabled}
          onChange={(event) => onChange(event.target.checked)}
          descriptionId={meaningId}
        />
        <Box as="label" htmlFor={toggleId}>
          <Text weight="bold">Built-in script rules</Text>
        </Box>
        <Lozenge appearance={enabled ? 'success' : 'default'}>{enabled ? 'On' : 'Off'}</Lozenge>
        {unsaved ? <Lozenge appearance="moved">Unsaved</Lozenge> : null}
      </Inline>
      <Stack space="space.050" id={meaningId}>
        <Text as="p" weight={enabled ? 'regular' : 'semibold'}>
          {RULES_OFF_MEANING}
        </Text>
        <Text as="p" weight={enabled ? 'semibold' : 'regular'}>
          {RULES_ON_MEANING}
        </Text>
      </Stack>
    </Stack>
  );
}
