import { Stack } from '@atlaskit/primitives';
import { bulkLabelsInput, initialBulkLabelsDraft, type BulkLabelsDraft } from './bulk-labels.input';
import { TargetField } from './fields/TargetField';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

function BulkLabelsFields({ draft, onChange, errors, disabled, space }: ScriptFormProps<BulkLabelsDraft>) {
  return (
    <Stack space="space.200">
      <TargetField
        value={draft.target}
        onChange={(target) => onChange({ ...draft, target })}
        error={errors.target}
        disabled={disabled}
        space={space}
      />
      <TextInputField
        label="Labels to add"
        value={draft.add}
        onChange={(add) => onChange({ ...draft, add })}
        error={errors.add}
        help="Separate labels with spaces or commas. Confluence stores labels in lower case."
        placeholder="e.g. reviewed, q3-2025"
        disabled={disabled}
      />
      <TextInputField
        label="Labels to remove"
        value={draft.remove}
        onChange={(remove) => onChange({ ...draft, remove })}
        error={errors.remove}
        help="Pages without these labels are left as they are."
        placeholder="e.g. draft"
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<BulkLabelsDraft> = {
  initialDraft: initialBulkLabelsDraft,
  Fields: BulkLabelsFields,
  toInput: bulkLabelsInput,
};
