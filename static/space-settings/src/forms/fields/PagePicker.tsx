import { useCallback, useId, useState } from 'react';
import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { PageOption } from '../../../../../src/contract/page-search';
import { FieldLabel } from '../../../../shared/components/FieldLabel';
import { searchPages } from '../../api';
import { pageLabel, pageMenuText, type PickedPage } from '../pageOptionText';
import { FieldMessage } from './FieldMessage';

export type { PickedPage } from '../pageOptionText';

interface PageOptionItem {
  value: string;
  label: string;
  page: PickedPage;
  ancestors: string[];
}

interface PagePickerProps {
  label: string;
  value: PickedPage | undefined;
  onChange: (page: PickedPage | undefined) => void;
  error?: string;
  help?: string;
  disabled: boolean;
  /** Search every space the viewer can see (each option then names its space), not only this one. */
  anySpace?: boolean;
}

function toItem(page: PickedPage, ancestors: string[] = []): PageOptionItem {
  return { value: page.id, label: pageLabel(page), page, ancestors };
}

/** The space is named only where options come from several spaces; in this space it says nothing. */
function pickedOf(option: PageOption, anySpace: boolean): PickedPage {
  return { id: option.id, title: option.title, ...(anySpace && option.space ? { space: option.space } : {}) };
}

/**
 * Picks one page by title, searching through `searchPages` (as the viewer,
 * so only pages they can see are offered): of this space, or of every
 * space with `anySpace`. Opening it lists the first pages; typing narrows
 * by title.
 */
export function PagePicker({ label, value, onChange, error, help, disabled, anySpace = false }: PagePickerProps) {
  const inputId = useId();
  const messageId = useId();
  const [searchError, setSearchError] = useState<string | undefined>(undefined);

  const loadOptions = useCallback(
    async (query: string): Promise<PageOptionItem[]> => {
      const result = await searchPages(query.trim(), anySpace);
      if (!result.ok) {
        setSearchError(`Searching pages failed: ${result.error.message}`);
        return [];
      }
      setSearchError(undefined);
      return result.data.pages.map((p) => toItem(pickedOf(p, anySpace), p.ancestors ?? []));
    },
    [anySpace],
  );

  const shownError = error ?? searchError;
  const nowhere = anySpace ? 'You can see no pages' : 'This space has no pages you can see';
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <AsyncSelect<PageOptionItem, false>
        // A new key when the scope changes, so options cached for one scope are not offered for the other.
        key={anySpace ? 'any-space' : 'this-space'}
        inputId={inputId}
        defaultOptions
        cacheOptions
        loadOptions={loadOptions}
        value={value ? toItem(value) : null}
        onChange={(next) => onChange(next ? next.page : undefined)}
        formatOptionLabel={(option, meta) =>
          meta.context === 'menu' ? pageMenuText(option.page, option.ancestors) : option.label
        }
        placeholder={anySpace ? 'Search pages of any space by title' : 'Search pages by title'}
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          searchError
            ? 'The search failed; see the message below.'
            : inputValue.trim()
              ? `No pages match “${inputValue.trim()}”`
              : nowhere
        }
        isDisabled={disabled}
        isInvalid={Boolean(shownError)}
        descriptionId={shownError || help ? messageId : undefined}
        menuPosition="fixed"
      />
      <FieldMessage id={messageId} error={shownError} help={help} />
    </Stack>
  );
}
