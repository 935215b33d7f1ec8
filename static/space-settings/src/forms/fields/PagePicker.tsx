import { useCallback, useId, useState } from 'react';
import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { PageOption } from '../../../../../src/contract/page-search';
import { FieldLabel } from '../../../../shared/components/FieldLabel';
import { searchPages } from '../../api';
import { FieldMessage } from './FieldMessage';

export interface PickedPage {
  id: string;
  title: string;
}

interface PageOptionItem {
  value: string;
  label: string;
  path: string;
}

interface PagePickerProps {
  label: string;
  value: PickedPage | undefined;
  onChange: (page: PickedPage | undefined) => void;
  error?: string;
  help?: string;
  disabled: boolean;
}

function toOption(page: PageOption): PageOptionItem {
  return { value: page.id, label: page.title, path: (page.ancestors ?? []).join(' / ') };
}

/**
 * Picks one page of this space by title, searching through `searchPages`
 * (as the viewer, so only pages they can see are offered). Opening it lists
 * the space's first pages; typing narrows by title.
 */
export function PagePicker({ label, value, onChange, error, help, disabled }: PagePickerProps) {
  const inputId = useId();
  const messageId = useId();
  const [searchError, setSearchError] = useState<string | undefined>(undefined);

  const loadOptions = useCallback(async (query: string): Promise<PageOptionItem[]> => {
    const result = await searchPages(query.trim());
    if (!result.ok) {
      setSearchError(`Searching pages failed: ${result.error.message}`);
      return [];
    }
    setSearchError(undefined);
    return result.data.pages.map(toOption);
  }, []);

  const shownError = error ?? searchError;
  return (
    <Stack space="space.050">
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <AsyncSelect<PageOptionItem, false>
        inputId={inputId}
        defaultOptions
        cacheOptions
        loadOptions={loadOptions}
        value={value ? { value: value.id, label: value.title, path: '' } : null}
        onChange={(next) => onChange(next ? { id: next.value, title: next.label } : undefined)}
        formatOptionLabel={(option, meta) =>
          meta.context === 'menu' && option.path ? `${option.label} (in ${option.path})` : option.label
        }
        placeholder="Search pages by title"
        loadingMessage={() => 'Searching…'}
        noOptionsMessage={({ inputValue }) =>
          searchError
            ? 'The search failed; see the message below.'
            : inputValue.trim()
              ? `No pages match “${inputValue.trim()}”`
              : 'This space has no pages you can see'
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
