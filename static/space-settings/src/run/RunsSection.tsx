import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ScriptRunSummary } from '../../../../src/contract/scripts';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import { RunProgressBar } from '../../../shared/runs/RunProgressBar';
import { RunTable } from '../../../shared/runs/RunTable';
import { outcomeText, personName } from '../../../shared/runs/runText';
import { unfinishedRuns } from './runList';
import type { SpaceRuns } from './useSpaceRuns';

const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

interface RunsProps {
  spaceRuns: SpaceRuns;
  scriptName: (scriptKey: string) => string;
  onOpenRun: (run: ScriptRunSummary) => void;
}

/**
 * This space's runs that are under way, followed live: shown first on the
 * page, so a run started before a reload (or by another admin) is in view.
 */
export function RunningNow({ spaceRuns, scriptName, onOpenRun }: RunsProps) {
  const running = unfinishedRuns(spaceRuns.runs);
  if (running.length === 0) return null;
  return (
    <Stack space="space.150">
      <Heading size="small" as="h2">
        Running now ({running.length})
      </Heading>
      {running.map((run) => (
        <Box key={run.runId} padding="space.200" xcss={cardStyles} data-running-run={run.runId}>
          <Stack space="space.100">
            <Inline space="space.200" spread="space-between" alignBlock="center">
              <Text weight="semibold">
                {scriptName(run.scriptKey)}, started by {personName(run.startedBy)}
              </Text>
              <Button onClick={() => onOpenRun(run)} aria-label={`Follow ${scriptName(run.scriptKey)}`}>
                Follow
              </Button>
            </Inline>
            <RunProgressBar
              label={`Progress of ${scriptName(run.scriptKey)}`}
              state={run.state}
              progress={run.progress}
            />
            <Text as="p" color="color.text.subtle">
              {outcomeText(run)}
            </Text>
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

/** This space's runs, newest first: who, what, when and the outcome; each opens its details. */
export function RecentRuns({ spaceRuns, spaceLabel, scriptName, onOpenRun }: RunsProps & { spaceLabel: string }) {
  const { status, runs, error } = spaceRuns;
  return (
    <Stack space="space.150">
      <Heading size="small" as="h2">
        Recent runs
      </Heading>
      {status === 'loading' ? <LoadingState label="Loading recent runs" /> : null}
      {status === 'failed' && error ? (
        <ErrorState
          title="Recent runs couldn't be loaded"
          message={error.message}
          onRetry={error.code === 'FORBIDDEN' ? undefined : spaceRuns.refresh}
          headingLevel={3}
        />
      ) : null}
      {status === 'ready' && runs.length === 0 ? (
        <EmptyState
          header="No runs yet"
          description="Scripts run in this space are listed here, newest first."
          headingLevel={3}
        />
      ) : null}
      {status === 'ready' && runs.length > 0 ? (
        <RunTable
          label={`Recent runs in ${spaceLabel}`}
          runs={runs}
          scriptName={scriptName}
          showSpace={false}
          onOpen={onOpenRun}
        />
      ) : null}
      {status === 'ready' && error ? (
        <ErrorState
          title="Runs couldn't be refreshed"
          message={error.message}
          onRetry={spaceRuns.refresh}
          headingLevel={3}
        />
      ) : null}
      {spaceRuns.hasOlder ? (
        <Box>
          <Button onClick={spaceRuns.loadOlder} isLoading={spaceRuns.loadingOlder}>
            Show older runs
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
