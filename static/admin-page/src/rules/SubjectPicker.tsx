import { useCallback, useId, useMemo, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import type { SubjectType } from '../types';
import type { RuleRef } from './ruleOrder';
import { createSubjectSearcher, shouldSearch, type SubjectOption } from './subjectSearch';

const PROMPTS: Record<SubjectType, { label: string; placeholder: string; noun: string }> = {
  space: { label: 'Spaces', placeholder: 'Search spaces by name or key', noun: 'spaces' },
  group: { label: 'Groups', placeholder: 'Type a group name', noun: 'groups' },
  user: { label: 'Users', placeholder: 'Type a person’s name', noun: 'people' },
};

interface SubjectPickerProps {
  type: SubjectType;
  value: readonly SubjectOption[];
  onChange(value: readonly SubjectOption[]): void;
  isInTable(ref: RuleRef): boolean;
}

/**
 * A multi-select that searches spaces, groups or people through
 * `searchSubjects`. Subjects already in the table are listed, marked
 * "Already in the table", and cannot be chosen.
 */
export function SubjectPicker({ type, value, onChange, isInTable }: SubjectPickerProps) {
  const inputId = useId();
  const errorId = useId();
  const prompt = PROMPTS[type];
  const [error, setError] = useState<string | undefined>(undefined);
  const search = useMemo(() => createSubjectSearcher(type), [type]);

  const loadOptions = useCallback(
    async (query: string): Promise<SubjectOption[]> => {
      const outcome = await search(query, isInTable);
      if (!outcome.ok) {
        setError(outcome.message);
        return [];
      }
      setError(undefined);
      return 'options' in outcome ? outcome.options : [];
    },
    [search, isInTable],
  );

  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{prompt.label}</FieldLabel>
      <AsyncSelect<SubjectOption, true>
        inputId={inputId}
        isMulti
        defaultOptions={type === 'space'}
        loadOptions={loadOptions}
        value={value}
        onChange={(next) => onChange(next ?? [])}
        isOptionDisabled={(option) => option.inTable}
        formatOptionLabel={(option, meta) =>
          meta.context === 'menu' && option.inTable ? (
            <Inline space="space.100" alignBlock="center">
              <span>{option.label}</span>
              <Lozenge>Already in the table</Lozenge>
            </Inline>
          ) : (
            option.label
          )
        }
        placeholder={prompt.placeholder}
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          error
            ? 'The search failed; see the message below.'
            : !shouldSearch(type, inputValue)
              ? `Type to search ${prompt.noun}`
              : `No ${prompt.noun} match “${inputValue.trim()}”`
        }
        isInvalid={error !== undefined}
        descriptionId={error ? errorId : undefined}
        menuPosition="fixed"
      />
      {error ? (
        <Box id={errorId} role="alert">
          <Text color="color.text.danger" size="small">
            {`Searching ${prompt.noun} failed: ${error}`}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}
