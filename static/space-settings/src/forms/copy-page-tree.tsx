import { useId } from 'react';
import { Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { FieldLabel } from '../../../shared/components/FieldLabel';
import { copyPageTreeInput, initialCopyPageTreeDraft, type CopyPageTreeDraft } from './copy-page-tree.input';
import { PagePicker } from './fields/PagePicker';
import { SingleCheckbox } from './fields/SingleCheckbox';
import { TextInputField } from './fields/TextInputField';
import type { ScriptForm, ScriptFormProps } from './formTypes';

interface WhereOption {
  value: CopyPageTreeDraft['destinationIn'];
  label: string;
}

function CopyPageTreeFields({ draft, onChange, errors, disabled, space }: ScriptFormProps<CopyPageTreeDraft>) {
  const whereId = useId();
  const options: WhereOption[] = [
    { value: 'this-space', label: `In ${space.name ?? space.key}` },
    { value: 'other-space', label: 'In another space' },
  ];
  return (
    <Stack space="space.200">
      <PagePicker
        label="Page to copy"
        value={draft.page}
        onChange={(page) => onChange({ ...draft, page })}
        error={errors.pageId}
        help="This page and every page below it are copied, keeping their shape and order."
        disabled={disabled}
      />
      <Stack space="space.050">
        <FieldLabel htmlFor={whereId}>Copy to</FieldLabel>
        <Select<WhereOption, false>
          inputId={whereId}
          options={options}
          value={options.find((o) => o.value === draft.destinationIn) ?? null}
          onChange={(next) => onChange({ ...draft, destinationIn: next?.value ?? 'this-space' })}
          isSearchable={false}
          isDisabled={disabled}
          menuPosition="fixed"
        />
      </Stack>
      {draft.destinationIn === 'this-space' ? (
        <PagePicker
          label="Parent page of the copy"
          value={draft.destination}
          onChange={(destination) => onChange({ ...draft, destination })}
          error={errors.destinationPageId}
          help="The copy goes under this page, after its last child."
          disabled={disabled}
        />
      ) : (
        <>
          <PagePicker
            label="Parent page of the copy"
            anySpace
            value={draft.destinationElsewhere}
            // A pick replaces a typed id, so the form never holds two destinations.
            onChange={(destinationElsewhere) => onChange({ ...draft, destinationElsewhere, destinationId: '' })}
            error={errors.destinationPageId}
            help="A page in any space you can see; you need permission to create pages in its space."
            disabled={disabled}
          />
          <TextInputField
            label="Or its id or address"
            value={draft.destinationId}
            onChange={(destinationId) => onChange({ ...draft, destinationId, destinationElsewhere: undefined })}
            error={errors.destinationId}
            help="If the search does not find it, paste the page's address. The preview names it and its space before anything runs."
            placeholder="e.g. 20001"
            disabled={disabled}
          />
        </>
      )}
      <TextInputField
        label="Title prefix"
        value={draft.titlePrefix}
        onChange={(titlePrefix) => onChange({ ...draft, titlePrefix })}
        error={errors.titlePrefix}
        help="Put before every copied title. In the same space, “Copy of ” is used when this is empty."
        placeholder="e.g. 2026 "
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
        label="Copy restrictions"
        checked={draft.copyRestrictions}
        onChange={(copyRestrictions) => onChange({ ...draft, copyRestrictions })}
        help="Who may view or edit each page. Restrictions Confluence cannot copy are listed when the run ends."
        disabled={disabled}
      />
    </Stack>
  );
}

export const form: ScriptForm<CopyPageTreeDraft> = {
  initialDraft: initialCopyPageTreeDraft,
  Fields: CopyPageTreeFields,
  toInput: copyPageTreeInput,
};
