import { Stack } from '@atlaskit/primitives';
import { copySpaceInput, initialCopySpaceDraft, type CopySpaceDraft } from './copy-space.input';
import { SingleCheckbox } from './fields/SingleCheckbox';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

function CopySpaceFields({ draft, onChange, errors, disabled, space }: ScriptFormProps<CopySpaceDraft>) {
  return (
    <Stack space="space.200">
      <TextInputField
        label="Key of the new space"
        value={draft.newSpaceKey}
        onChange={(newSpaceKey) => onChange({ ...draft, newSpaceKey })}
        error={errors.newSpaceKey}
        help="Letters and digits only; it cannot be changed later and must not be in use."
        placeholder={`e.g. ${space.key}COPY`}
        disabled={disabled}
      />
      <TextInputField
        label="Name of the new space"
        value={draft.newSpaceName}
        onChange={(newSpaceName) => onChange({ ...draft, newSpaceName })}
        error={errors.newSpaceName}
        placeholder={`e.g. ${space.name ?? space.key} (copy)`}
        disabled={disabled}
      />
      <SingleCheckbox
        label="Copy blog posts"
        checked={draft.copyBlogPosts}
        onChange={(copyBlogPosts) => onChange({ ...draft, copyBlogPosts })}
        disabled={disabled}
      />
      <SingleCheckbox
        label="Copy attachments"
        checked={draft.copyAttachments}
        onChange={(copyAttachments) => onChange({ ...draft, copyAttachments })}
        disabled={disabled}
      />
      <SingleCheckbox
        label="Copy labels"
        checked={draft.copyLabels}
        onChange={(copyLabels) => onChange({ ...draft, copyLabels })}
        disabled={disabled}
      />
      <SingleCheckbox
        label="Copy permissions"
        checked={draft.copyPermissions}
        onChange={(copyPermissions) => onChange({ ...draft, copyPermissions })}
        help="Queued as one permission change for the new space, applied by the relay. You keep your admin access."
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<CopySpaceDraft> = {
  initialDraft: initialCopySpaceDraft,
  Fields: CopySpaceFields,
  toInput: copySpaceInput,
};
