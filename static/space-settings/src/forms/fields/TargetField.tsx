import { useId } from 'react';
import { Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { FieldLabel } from '../../../../shared/components/FieldLabel';
import type { SpaceSummary } from '../../types';
import type { TargetDraft } from '../parseFields';
import { PagePicker } from './PagePicker';

interface ScopeOption {
  value: TargetDraft['scope'];
  label: string;
}

interface TargetFieldProps {
  value: TargetDraft;
  onChange: (value: TargetDraft) => void;
  error?: string;
  disabled: boolean;
  space: SpaceSummary;
}

/** Where a bulk script acts: every current page of the space, or one page and all its descendants. */
export function TargetField({ value, onChange, error, disabled, space }: TargetFieldProps) {
  const inputId = useId();
  const spaceName = space.name ?? space.key;
  const options: ScopeOption[] = [
    { value: 'space', label: `Every page in ${spaceName}` },
    { value: 'tree', label: 'A page and all pages below it' },
  ];
  return (
    <Stack space="space.150">
      <Stack space="space.050">
        <FieldLabel htmlFor={inputId}>Pages</FieldLabel>
        <Select<ScopeOption, false>
          inputId={inputId}
          options={options}
          value={options.find((option) => option.value === value.scope) ?? null}
          onChange={(next) => onChange({ ...value, scope: next?.value ?? 'space' })}
          isSearchable={false}
          isDisabled={disabled}
          menuPosition="fixed"
        />
      </Stack>
      {value.scope === 'tree' ? (
        <PagePicker
          label="Top page"
          value={value.page}
          onChange={(page) => onChange({ ...value, page })}
          error={error}
          help="The script acts on this page and every page below it."
          disabled={disabled}
        />
      ) : null}
    </Stack>
  );
}
