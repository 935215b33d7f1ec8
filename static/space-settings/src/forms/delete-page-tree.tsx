import { Stack } from '@atlaskit/primitives';
import { deletePageTreeInput, initialDeletePageTreeDraft, type DeletePageTreeDraft } from './delete-page-tree.input';
import { PagePicker } from './fields/PagePicker';
import type { ScriptForm, ScriptFormProps } from './formTypes';

function DeletePageTreeFields({ draft, onChange, errors, disabled }: ScriptFormProps<DeletePageTreeDraft>) {
  return (
    <Stack space="space.200">
      <PagePicker
        label="Page to delete"
        value={draft.page}
        onChange={(page) => onChange({ ...draft, page })}
        error={errors.pageId}
        help="This page and every page below it move to the trash. The preview lists them all first."
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<DeletePageTreeDraft> = {
  initialDraft: initialDeletePageTreeDraft,
  Fields: DeletePageTreeFields,
  toInput: deletePageTreeInput,
};
