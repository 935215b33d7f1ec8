import { useId } from 'react';
import { Stack } from '@atlaskit/primitives';
import { CreatableSelect } from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import {
  bulkDeleteAttachmentsInput,
  initialBulkDeleteAttachmentsDraft,
  type BulkDeleteAttachmentsDraft,
} from './bulk-delete-attachments.input';
import { FieldMessage } from './fields/FieldMessage';
import { SingleCheckbox } from './fields/SingleCheckbox';
import { TargetField } from './fields/TargetField';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

/** The media types people most often clean up; any other can be typed. */
const COMMON_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/svg+xml',
  'application/pdf',
  'application/zip',
  'video/mp4',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

interface MediaOption {
  value: string;
  label: string;
}
const toOption = (value: string): MediaOption => ({ value, label: value });

function MediaTypesField({ draft, onChange, errors, disabled }: ScriptFormProps<BulkDeleteAttachmentsDraft>) {
  const inputId = useId();
  const messageId = useId();
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>Media types</FieldLabel>
      <CreatableSelect<MediaOption, true>
        inputId={inputId}
        isMulti
        options={COMMON_MEDIA_TYPES.map(toOption)}
        value={draft.mediaTypes.map(toOption)}
        onChange={(next) => onChange({ ...draft, mediaTypes: (next ?? []).map((option) => option.value) })}
        formatCreateLabel={(typed) => `Add “${typed}”`}
        placeholder="Any media type"
        isDisabled={disabled}
        isInvalid={Boolean(errors.mediaTypes)}
        descriptionId={messageId}
        menuPosition="fixed"
      />
      <FieldMessage
        id={messageId}
        error={errors.mediaTypes}
        help="Choose or type media types such as image/png. Leave empty for every type."
      />
    </Stack>
  );
}

function BulkDeleteAttachmentsFields(props: ScriptFormProps<BulkDeleteAttachmentsDraft>) {
  const { draft, onChange, errors, disabled, space } = props;
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
        label="File name"
        value={draft.fileNamePattern}
        onChange={(fileNamePattern) => onChange({ ...draft, fileNamePattern })}
        error={errors.fileNamePattern}
        help="A pattern: * matches any characters, ? one character (e.g. *.png, report-202?-*). Case is ignored."
        placeholder="Any file name"
        disabled={disabled}
      />
      <MediaTypesField {...props} />
      <TextInputField
        label="Older than (days)"
        value={draft.olderThanDays}
        onChange={(olderThanDays) => onChange({ ...draft, olderThanDays })}
        error={errors.olderThanDays}
        help="Only attachments uploaded more than this many days ago. Leave empty for any age."
        inputMode="numeric"
        disabled={disabled}
      />
      <TextInputField
        label="Larger than (KB)"
        value={draft.minSizeKb}
        onChange={(minSizeKb) => onChange({ ...draft, minSizeKb })}
        error={errors.minSizeKb ?? errors.minSizeBytes}
        help="Only files of at least this size. Leave empty for any size."
        inputMode="decimal"
        disabled={disabled}
      />
      <SingleCheckbox
        label="Purge instead of moving to the trash"
        checked={draft.purge}
        onChange={(purge) => onChange({ ...draft, purge })}
        help="Purged attachments are gone for good and cannot be restored from the trash."
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<BulkDeleteAttachmentsDraft> = {
  initialDraft: initialBulkDeleteAttachmentsDraft,
  Fields: BulkDeleteAttachmentsFields,
  toInput: bulkDeleteAttachmentsInput,
};
