import { Stack } from '@atlaskit/primitives';
import {
  bulkDeleteCommentsInput,
  initialBulkDeleteCommentsDraft,
  type BulkDeleteCommentsDraft,
  type CommentKind,
} from './bulk-delete-comments.input';
import { CheckboxGroup } from './fields/CheckboxGroup';
import { PeoplePicker } from './fields/PeoplePicker';
import { TargetField } from './fields/TargetField';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

const KINDS: readonly { value: CommentKind; label: string }[] = [
  { value: 'footer', label: 'Footer comments' },
  { value: 'inline', label: 'Inline comments' },
];

function BulkDeleteCommentsFields({
  draft,
  onChange,
  errors,
  disabled,
  space,
}: ScriptFormProps<BulkDeleteCommentsDraft>) {
  return (
    <Stack space="space.200">
      <TargetField
        value={draft.target}
        onChange={(target) => onChange({ ...draft, target })}
        error={errors.target}
        disabled={disabled}
        space={space}
      />
      <CheckboxGroup
        legend="Comments"
        options={KINDS}
        value={draft.kinds}
        onChange={(kinds) => onChange({ ...draft, kinds })}
        error={errors.kinds}
        disabled={disabled}
      />
      <TextInputField
        label="Older than (days)"
        value={draft.olderThanDays}
        onChange={(olderThanDays) => onChange({ ...draft, olderThanDays })}
        error={errors.olderThanDays}
        help="Only comments created more than this many days ago. Leave empty for comments of any age."
        inputMode="numeric"
        disabled={disabled}
      />
      <PeoplePicker
        label="Written by"
        value={draft.authorAccountIds}
        onChange={(authorAccountIds) => onChange({ ...draft, authorAccountIds })}
        error={errors.authorAccountIds}
        help="Only comments by these people. Leave empty for comments by anyone."
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<BulkDeleteCommentsDraft> = {
  initialDraft: initialBulkDeleteCommentsDraft,
  Fields: BulkDeleteCommentsFields,
  toInput: bulkDeleteCommentsInput,
};
