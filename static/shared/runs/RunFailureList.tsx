import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { RunFailure } from '../../../src/contract/scripts';

const listStyles = xcss({ listStyle: 'none', paddingInlineStart: 'space.0', margin: 'space.0' });
const itemStyles = xcss({
  marginBlockStart: 'space.0',
  borderInlineStartColor: 'color.border.danger',
  borderInlineStartStyle: 'solid',
  borderInlineStartWidth: 'border.width.selected',
  paddingInlineStart: 'space.100',
});

interface RunFailureListProps {
  failures: readonly RunFailure[];
  /** All failures counted by the run; the list keeps only the first ones. */
  failedCount: number;
  headingLevel: 'h3' | 'h4';
}

/** Each item that failed, with Confluence's or the app's reason. */
export function RunFailureList({ failures, failedCount, headingLevel }: RunFailureListProps) {
  const headingId = useId();
  if (failedCount === 0 && failures.length === 0) return null;
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as={headingLevel} id={headingId}>
        Failures ({failedCount.toLocaleString('en')})
      </Heading>
      <Stack as="ul" role="list" aria-labelledby={headingId} space="space.100" xcss={listStyles}>
        {failures.map((failure) => (
          <Box as="li" key={failure.itemId} xcss={itemStyles} data-failure-item={failure.itemId}>
            <Text as="p" weight="medium">
              {failure.title ? `${failure.title} (${failure.itemId})` : failure.itemId}
            </Text>
            <Text as="p" color="color.text.subtle">
              {failure.reason}
            </Text>
          </Box>
        ))}
      </Stack>
      {failedCount > failures.length ? (
        <Text as="p" color="color.text.subtle">
          The first {failures.length.toLocaleString('en')} of {failedCount.toLocaleString('en')} failures are kept.
        </Text>
      ) : null}
    </Stack>
  );
}
