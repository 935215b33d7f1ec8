import { Checkbox } from '@atlaskit/checkbox';
import { Stack } from '@atlaskit/primitives';
import { useId } from 'react';
import { FieldMessage } from './FieldMessage';

interface SingleCheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: string;
  disabled: boolean;
}

/** One ADS checkbox with a hint below it. */
export function SingleCheckbox({ label, checked, onChange, help, disabled }: SingleCheckboxProps) {
  const messageId = useId();
  return (
    <Stack space="space.050">
      <Checkbox
        label={label}
        isChecked={checked}
        isDisabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
        aria-describedby={help ? messageId : undefined}
      />
      <FieldMessage id={messageId} help={help} />
    </Stack>
  );
}
