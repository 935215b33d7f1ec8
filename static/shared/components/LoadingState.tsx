import { Box, Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';

interface LoadingStateProps {
  /** What is loading, read out to screen readers, e.g. "Loading built-in scripts". */
  label: string;
}

/** A centred spinner in a live region, so assistive technology hears that the page is busy. */
export function LoadingState({ label }: LoadingStateProps) {
  return (
    <Box role="status" paddingBlock="space.400">
      <Inline alignInline="center" alignBlock="center" space="space.100">
        <Spinner size="medium" label={label} />
        <Text color="color.text.subtle" aria-hidden>
          {label}…
        </Text>
      </Inline>
    </Box>
  );
}
