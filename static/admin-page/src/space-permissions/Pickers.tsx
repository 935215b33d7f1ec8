import { useCallback, useId, useState } from 'react';
import { Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import { search, type Picked } from './api';

export interface Option {
  label: string;
  value: string;
  picked: Picked;
}

interface MultiPickerProps {
  type: 'user' | 'group' | 'space';
  label: string;
  placeholder: string;
  value: readonly Option[];
  onChange(value: Option[]): void;
}

const labelOf = (p: Picked) => (p.key ? `${p.name} (${p.key})` : p.name);

/** Several people, groups or spaces, searched through `searchSubjects`; keyboard works as in any ADS select. */
export function MultiPicker({ type, label, placeholder, value, onChange }: MultiPickerProps) {
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(
    async (query: string): Promise<Option[]> => {
      if (query.trim() === '') return [];
      const result = await search(type, query);
      if (!result.ok) {
        setError(result.error.message);
        return [];
      }
      setError(undefined);
      return result.data.map((p) => ({
        label: labelOf(p),
        value: type === 'space' ? (p.key ?? p.id) : p.id,
        picked: p,
      }));
    },
    [type],
  );
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <AsyncSelect<Option, true>
        inputId={inputId}
        isMulti
        loadOptions={load}
        value={value}
        onChange={(next) => onChange([...(next ?? [])])}
        placeholder={placeholder}
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          error
            ? 'The search failed; see below.'
            : inputValue.trim()
              ? `Nothing matches “${inputValue.trim()}”`
              : 'Type to search'
        }
        isInvalid={error !== undefined}
        descriptionId={error ? errorId : undefined}
      />
      {error ? (
        <Text id={errorId} color="color.text.danger" size="small">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
