import { useId } from 'react';
import { Checkbox } from '@atlaskit/checkbox';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { FieldMessage } from './FieldMessage';

const fieldsetStyles = xcss({ borderStyle: 'none', margin: 'space.0', padding: 'space.0' });

interface CheckboxGroupProps<V extends string> {
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: string;
  help?: string;
  disabled: boolean;
}

/** Several ADS checkboxes under one legend (a fieldset), keeping the options' order in the value. */
export function CheckboxGroup<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  help,
  disabled,
}: CheckboxGroupProps<V>) {
  const messageId = useId();
  const toggle = (option: V, checked: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === option ? checked : value.includes(v))));
  return (
    <Box as="fieldset" xcss={fieldsetStyles} aria-describedby={error || help ? messageId : undefined}>
      <Stack space="space.050">
        <legend>
          <Text weight="semibold" size="small" color="color.text.subtle">
            {legend}
          </Text>
        </legend>
        <Inline space="space.200" shouldWrap>
          {options.map((option) => (
            <Checkbox
              key={option.value}
              label={option.label}
              isChecked={value.includes(option.value)}
              isDisabled={disabled}
              isInvalid={Boolean(error)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
          ))}
        </Inline>
        <FieldMessage id={messageId} error={error} help={help} />
      </Stack>
    </Box>
  );
}
