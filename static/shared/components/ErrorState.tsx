import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';

interface ErrorStateProps {
  /** A short sentence saying what failed, e.g. "Built-in scripts couldn't be loaded". */
  title: string;
  /** The reason, in words a person can act on. */
  message: string;
  /** Omit when trying again cannot help (for example, the viewer lacks permission). */
  onRetry?: () => void;
  /** The level of the message's heading, to keep heading levels in order on the page. */
  headingLevel?: 2 | 3 | 4;
}

export function ErrorState({ title, message, onRetry, headingLevel = 2 }: ErrorStateProps) {
  return (
    <SectionMessage appearance={onRetry ? 'error' : 'warning'} title={title} headingLevel={`h${headingLevel}`}>
      <Stack space="space.150" alignInline="start">
        <Text as="p">{message}</Text>
        {onRetry ? (
          <Button appearance="default" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
      </Stack>
    </SectionMessage>
  );
}
