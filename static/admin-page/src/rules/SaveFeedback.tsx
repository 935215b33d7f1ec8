import Button from '@atlaskit/button/new';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { describeRebaseNotice } from './rebaseNoticeText';
import type { SaveStatus } from './useRuleEditor';

interface SaveFeedbackProps {
  status: SaveStatus;
  onSave(): void;
  onReload(): void;
}

/**
 * What the last save or reload did, in a live region so screen readers hear
 * it. A conflict offers to reload while keeping the admin's edits.
 */
export function SaveFeedback({ status, onSave, onReload }: SaveFeedbackProps) {
  return (
    <Box role="status" aria-live="polite">
      <FeedbackMessage status={status} onSave={onSave} onReload={onReload} />
    </Box>
  );
}

function FeedbackMessage({ status, onSave, onReload }: SaveFeedbackProps) {
  switch (status.kind) {
    case 'idle':
    case 'saving':
      return null;
    case 'reloading':
      return <Text as="p">Loading the latest rules…</Text>;
    case 'saved':
      return (
        <SectionMessage appearance="success" title="Changes saved" headingLevel="h3">
          <Text as="p">The rule table is now version {status.version}.</Text>
        </SectionMessage>
      );
    case 'nothing-to-save':
      return (
        <SectionMessage appearance="information">
          <Text as="p">There are no changes to save.</Text>
        </SectionMessage>
      );
    case 'conflict':
      return (
        <SectionMessage appearance="warning" title="Someone else saved the rules first" headingLevel="h3">
          <Stack space="space.100" alignInline="start">
            <Text as="p">{status.message}</Text>
            <Text as="p">
              Nothing of yours was saved, and nothing is lost: reload to see their changes with your edits re-applied on
              top, then save again.
            </Text>
            <Button appearance="primary" onClick={onReload}>
              Reload and keep my edits
            </Button>
          </Stack>
        </SectionMessage>
      );
    case 'reloaded':
      return (
        <SectionMessage appearance="information" title={`Reloaded version ${status.version}`} headingLevel="h3">
          <Stack space="space.100">
            <Text as="p">
              {status.keptEdits
                ? 'Your edits are re-applied on top of the latest rules. Review them, then save again.'
                : 'The latest rules already include everything you had changed: nothing is left to save.'}
            </Text>
            {status.notices.length > 0 ? (
              <Box as="ul">
                {status.notices.map((notice) => (
                  <Box as="li" key={`${notice.kind}:${notice.rule.type}:${notice.rule.id}`}>
                    <Text>{describeRebaseNotice(notice)}</Text>
                  </Box>
                ))}
              </Box>
            ) : null}
          </Stack>
        </SectionMessage>
      );
    case 'refused':
      return (
        <SectionMessage appearance="error" title="The changes were not saved" headingLevel="h3">
          <Stack space="space.100">
            <Text as="p">{status.message}</Text>
            {status.where ? <Text as="p">Check {status.where}, then save again.</Text> : null}
          </Stack>
        </SectionMessage>
      );
    case 'failed':
      return (
        <SectionMessage appearance="error" title="The changes were not saved" headingLevel="h3">
          <Stack space="space.100" alignInline="start">
            <Text as="p">{status.error.message}</Text>
            <Text as="p">Your edits are still here.</Text>
            <Button onClick={onSave}>Try saving again</Button>
          </Stack>
        </SectionMessage>
      );
    case 'reload-failed':
      return (
        <SectionMessage appearance="error" title="The latest rules couldn't be loaded" headingLevel="h3">
          <Stack space="space.100" alignInline="start">
            <Text as="p">{status.error.message}</Text>
            <Text as="p">Your edits are still here.</Text>
            <Button onClick={onReload}>Retry</Button>
          </Stack>
        </SectionMessage>
      );
    default:
      return null;
  }
}
