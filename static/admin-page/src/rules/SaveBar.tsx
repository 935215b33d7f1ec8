import Button from '@atlaskit/button/new';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { formatDateTime } from '../formatDateTime';
import type { Person } from '../types';

const barStyles = xcss({
  padding: 'space.150',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});

interface SaveBarProps {
  /** "Unsaved: 2 rows changed", or "No unsaved changes". */
  summary: string;
  dirty: boolean;
  saving: boolean;
  version: number;
  updatedAt?: string;
  updatedBy?: Person;
  onSave(): void;
  onDiscard(): void;
}

/** What is unsaved, who saved last, and the Save / Discard buttons. */
export function SaveBar({ summary, dirty, saving, version, updatedAt, updatedBy, onSave, onDiscard }: SaveBarProps) {
  const lastSaved = updatedAt
    ? `Version ${version}, saved ${formatDateTime(updatedAt)}${updatedBy ? ` by ${updatedBy.displayName || updatedBy.accountId}` : ''}.`
    : `Version ${version}: not saved yet; these are the defaults.`;
  return (
    <Box xcss={barStyles}>
      <Inline space="space.200" alignBlock="center" spread="space-between" shouldWrap>
        <Box>
          <Text as="p" weight={dirty ? 'semibold' : 'regular'}>
            {summary}
          </Text>
          <Text as="p" size="small" color="color.text.subtle">
            {lastSaved}
          </Text>
        </Box>
        <Inline space="space.100">
          {dirty ? (
            <Button appearance="subtle" onClick={onDiscard} isDisabled={saving}>
              Discard changes
            </Button>
          ) : null}
          <Button appearance="primary" onClick={onSave} isLoading={saving}>
            Save changes
          </Button>
        </Inline>
      </Inline>
    </Box>
  );
}
