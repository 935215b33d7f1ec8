import { useCallback, useId, useState } from 'react';
import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { FieldLabel } from '../../../../shared/components/FieldLabel';
import { searchPeople } from '../../api';
import type { PickedPerson } from '../bulk-delete-comments.input';
import { FieldMessage } from './FieldMessage';

interface PersonOptionItem {
  value: string;
  label: string;
}

interface PeoplePickerProps {
  label: string;
  value: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  error?: string;
  help?: string;
  disabled: boolean;
}

const toItem = (person: PickedPerson): PersonOptionItem => ({ value: person.accountId, label: person.displayName });

/**
 * Picks several people by name, searching through `searchPeople` (as the
 * viewer). Nothing is listed before a name is typed: Confluence's user
 * search needs a term.
 */
export function PeoplePicker({ label, value, onChange, error, help, disabled }: PeoplePickerProps) {
  const inputId = useId();
  const messageId = useId();
  const [searchError, setSearchError] = useState<string | undefined>(undefined);

  const loadOptions = useCallback(async (query: string): Promise<PersonOptionItem[]> => {
    if (query.trim() === '') return [];
    const result = await searchPeople(query.trim());
    if (!result.ok) {
      setSearchError(`Searching people failed: ${result.error.message}`);
      return [];
    }
    setSearchError(undefined);
    return result.data.people.map(toItem);
  }, []);

  const shownError = error ?? searchError;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <AsyncSelect<PersonOptionItem, true>
        inputId={inputId}
        isMulti
        cacheOptions
        loadOptions={loadOptions}
        value={value.map(toItem)}
        onChange={(next) => onChange(next.map((o) => ({ accountId: o.value, displayName: o.label })))}
        placeholder="Anyone: type a name to choose people"
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          searchError
            ? 'The search failed; see the message below.'
            : inputValue.trim()
              ? `No one matches “${inputValue.trim()}”`
              : 'Type part of a name'
        }
        isDisabled={disabled}
        isInvalid={Boolean(shownError)}
        descriptionId={shownError || help ? messageId : undefined}
        menuPosition="fixed"
      />
      <FieldMessage id={messageId} error={shownError} help={help} />
    </Stack>
  );
}
