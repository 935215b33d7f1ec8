import { Stack } from '@atlaskit/primitives';
import {
  bulkPurgeTrashInput,
  initialBulkPurgeTrashDraft,
  type BulkPurgeTrashDraft,
  type TrashType,
} from './bulk-purge-trash.input';
import { CheckboxGroup } from './fields/CheckboxGroup';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

const TYPES: readonly { value: TrashType; label: string }[] = [
  { value: 'page', label: 'Pages' },
  { value: 'blogpost', label: 'Blog posts' },
  { value: 'attachment', label: 'Attachments' },
];

function BulkPurgeTrashFields({ draft, onChange, errors, disabled }: ScriptFormProps<BulkPurgeTrashDraft>) {
  return (
    <Stack space="space.200">
      <CheckboxGroup
        legend="Trashed content to purge"
        options={TYPES}
        value={draft.types}
        onChange={(types) => onChange({ ...draft, types })}
        error={errors.types}
        disabled={disabled}
      />
      <TextInputField
        label="Older than (days)"
        value={draft.olderThanDays}
        onChange={(olderThanDays) => onChange({ ...draft, olderThanDays })}
        error={errors.olderThanDays}
        help="Only trashed content older than this many days. Leave empty for everything in the trash."
        inputMode="numeric"
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<BulkPurgeTrashDraft> = {
  initialDraft: initialBulkPurgeTrashDraft,
  Fields: BulkPurgeTrashFields,
  toInput: bulkPurgeTrashInput,
};
