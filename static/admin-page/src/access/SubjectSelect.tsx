import { useCallback, useId, useMemo, useState } from 'react';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import { createSubjectSearcher, shouldSearch, type SubjectOption } from '../rules/subjectSearch';
import type { SubjectType } from '../types';

interface SubjectSelectProps {
  type: Extract<SubjectType, 'user' | 'space'>;
  label: string;
  placeholder: string;
  value: SubjectOption | null;
  onChange(value: SubjectOption | null): void;
  /** A clear button (filters; the Script runs tab). */
  isClearable?: boolean;
}

const NOUNS = { user: 'people', space: 'spaces' } as const;
const notInTable = () => false;

/** Picks one person or one space, searching through `searchSubjects`. */
export function SubjectSelect({ type, label, placeholder, value, onChange, isClearable }: SubjectSelectProps) {
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  const search = useMemo(() => createSubjectSearcher(type), [type]);
  const noun = NOUNS[type];

  const loadOptions = useCallback(
    async (query: string): Promise<SubjectOption[]> => {
      const outcome = await search(query, notInTable);
      if (!outcome.ok) {
        setError(outcome.message);
        return [];
      }
      setError(undefined);
      return 'options' in outcome ? outcome.options : [];
    },
    [search],
  );

  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <AsyncSelect<SubjectOption, false>
        inputId={inputId}
        defaultOptions={type === 'space'}
        loadOptions={loadOptions}
        value={value}
        onChange={(next) => onChange(next ?? null)}
        isClearable={isClearable}
        placeholder={placeholder}
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          error
            ? 'The search failed; see the message below.'
            : !shouldSearch(type, inputValue)
              ? `Type to search ${noun}`
              : `No ${noun} match “${inputValue.trim()}”`
        }
        isInvalid={error !== undefined}
        descriptionId={error ? errorId : undefined}
      />
      {error ? (
        <Box id={errorId} role="alert">
          <Text color="color.text.danger" size="small">
            {`Searching ${noun} failed: ${error}`}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}
