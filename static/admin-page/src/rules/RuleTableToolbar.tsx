import { useId } from 'react';
import Button from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import SearchIcon from '@atlaskit/icon/core/search';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { FieldLabel } from '../../../shared/components/FieldLabel';

const filterStyles = xcss({ width: '20rem', maxWidth: '100%' });
const iconBoxStyles = xcss({ paddingInlineStart: 'space.075', display: 'flex' });

interface RuleTableToolbarProps {
  filter: string;
  shown: number;
  total: number;
  onFilterChange(filter: string): void;
  onAdd(): void;
}

/** Filter the table by name, see how many rows it shows, add rows. */
export function RuleTableToolbar({ filter, shown, total, onFilterChange, onAdd }: RuleTableToolbarProps) {
  const filterId = useId();
  const countId = useId();
  return (
    <Inline space="space.200" alignBlock="end" spread="space-between" shouldWrap>
      <Stack space="space.050">
        <FieldLabel htmlFor={filterId}>Filter rows</FieldLabel>
        <Box xcss={filterStyles}>
          <Textfield
            id={filterId}
            value={filter}
            placeholder="Name, space key or ID"
            aria-describedby={countId}
            elemBeforeInput={
              <Box xcss={iconBoxStyles}>
                <SearchIcon label="" color="currentColor" />
              </Box>
            }
            onChange={(event) => onFilterChange(event.currentTarget.value)}
          />
        </Box>
      </Stack>
      <Inline space="space.200" alignBlock="center">
        <Box role="status">
          <Text id={countId} color="color.text.subtle">
            {filter.trim()
              ? `Showing ${shown.toLocaleString()} of ${total.toLocaleString()} rows`
              : `${total.toLocaleString()} rows`}
          </Text>
        </Box>
        <Button appearance="default" iconBefore={AddIcon} onClick={onAdd}>
          Add rows
        </Button>
      </Inline>
    </Inline>
  );
}
