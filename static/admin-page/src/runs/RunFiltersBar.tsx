import { useId } from 'react';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import { SubjectSelect } from '../access/SubjectSelect';
import type { SubjectOption } from '../rules/subjectSearch';
import type { BuiltInScript } from '../types';

const fieldStyles = xcss({ minWidth: '14rem', flexGrow: 1 });

export interface FilterChoices {
  space: SubjectOption | null;
  script: { value: string; label: string } | null;
  person: SubjectOption | null;
}

interface RunFiltersBarProps {
  scripts: readonly BuiltInScript[];
  value: FilterChoices;
  onChange: (value: FilterChoices) => void;
}

/** Space, script and person: each narrows the list; clearing one widens it again. */
export function RunFiltersBar({ scripts, value, onChange }: RunFiltersBarProps) {
  const scriptInputId = useId();
  const options = scripts.map((script) => ({ value: script.key, label: script.name }));
  return (
    <Inline space="space.200" shouldWrap alignBlock="end">
      <Box xcss={fieldStyles}>
        <SubjectSelect
          type="space"
          label="Space"
          placeholder="Any space"
          value={value.space}
          onChange={(space) => onChange({ ...value, space })}
          isClearable
        />
      </Box>
      <Box xcss={fieldStyles}>
        <Stack space="space.050">
          <FieldLabel htmlFor={scriptInputId}>Script</FieldLabel>
          <Select<{ value: string; label: string }, false>
            inputId={scriptInputId}
            options={options}
            value={value.script}
            onChange={(script) => onChange({ ...value, script: script ?? null })}
            placeholder="Any script"
            isClearable
          />
        </Stack>
      </Box>
      <Box xcss={fieldStyles}>
        <SubjectSelect
          type="user"
          label="Started by"
          placeholder="Anyone"
          value={value.person}
          onChange={(person) => onChange({ ...value, person })}
          isClearable
        />
      </Box>
    </Inline>
  );
}
