import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ScriptRun } from '../../../src/contract/scripts';
import { formatDateTime } from '../formatDateTime';
import { RunFailureList } from './RunFailureList';
import { RunInputList } from './RunInputList';
import { RunLinks } from './RunLinks';
import { RunProgressBar } from './RunProgressBar';
import { RunStateLozenge } from './RunStateLozenge';
import { extraMessage, isRunFinished, outcomeText, personName } from './runText';

interface RunDetailsProps {
  run: ScriptRun;
  scriptName: string;
  /** The level of the run's sub-headings (Input, Failures), to keep the page's order. */
  headingLevel: 'h3' | 'h4';
  /** Buttons shown beside the progress (Cancel). */
  actions?: ReactNode;
}

/** One run: state, who and when, progress, the summary, its input and its failures. */
export function RunDetails({ run, scriptName, headingLevel, actions }: RunDetailsProps) {
  const finished = isRunFinished(run.state);
  const when =
    finished && run.finishedAt
      ? `Started by ${personName(run.startedBy)} on ${formatDateTime(run.startedAt)}, finished ${formatDateTime(run.finishedAt)}`
      : `Started by ${personName(run.startedBy)} on ${formatDateTime(run.startedAt)}`;
  return (
    <Stack space="space.200" testId="run-details">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <RunStateLozenge state={run.state} />
        <Text color="color.text.subtle">
          {when} in {run.spaceKey}
        </Text>
      </Inline>
      <RunProgressBar label={`Progress of ${scriptName}`} state={run.state} progress={run.progress} />
      {/* Announced as it changes: the counts while running, the summary at the end. */}
      <Box role="status" aria-live="polite">
        <Stack space="space.050">
          <Text as="p" weight="semibold" testId="run-outcome">
            {outcomeText(run)}
          </Text>
          {extraMessage(run) ? <Text as="p">{extraMessage(run)}</Text> : null}
          {run.cancelRequested && !finished ? <Text as="p">Cancelling: the run stops at its next item.</Text> : null}
        </Stack>
      </Box>
      <RunLinks links={run.links} />
      {actions ? <Inline space="space.100">{actions}</Inline> : null}
      <Stack space="space.100">
        <Heading size="xsmall" as={headingLevel}>
          Input
        </Heading>
        <RunInputList input={run.input} names={run.inputNames} />
      </Stack>
      <RunFailureList failures={run.failures} failedCount={run.progress.failed} headingLevel={headingLevel} />
    </Stack>
  );
}
