import { useId } from 'react';
import { Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { FieldLabel } from '../../../../shared/components/FieldLabel';
import { FieldMessage } from './FieldMessage';

interface TextInputFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: string;
  placeholder?: string;
  disabled: boolean;
  /** `numeric` brings up a number keyboard without the quirks of type="number". */
  inputMode?: 'text' | 'numeric' | 'decimal';
}

/** A labelled ADS text field with its hint or error below, tied by aria-describedby. */
export function TextInputField({
  label,
  value,
  onChange,
  error,
  help,
  placeholder,
  disabled,
  inputMode,
}: TextInputFieldProps) {
  const inputId = useId();
  const messageId = useId();
  const described = error || help;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <Textfield
        id={inputId}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={Boolean(error)}
        isDisabled={disabled}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-describedby={described ? messageId : undefined}
        autoComplete="off"
      />
      <FieldMessage id={messageId} error={error} help={help} />
    </Stack>
  );
}
