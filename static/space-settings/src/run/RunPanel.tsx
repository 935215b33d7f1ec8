import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import { RunDetails } from '../../../shared/runs/RunDetails';
import { isRunFinished } from '../../../shared/runs/runText';
import { usePolledRun } from '../../../shared/runs/usePolledRun';
import { cancelScriptRun, getScriptRun } from '../api';

interface RunPanelProps {
  runId: string;
  scriptName: (scriptKey: string) => string;
}

/** Follows one run of this space until it ends: progress, failures, Cancel, and the summary. */
export function RunPanel({ runId, scriptName }: RunPanelProps) {
  const { run, error, refresh } = usePolledRun(runId, getScriptRun);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ResolverError | undefined>(undefined);

  if (!run) {
    if (error) {
      return (
        <ErrorState
          title="The run couldn't be loaded"
          message={error.message}
          onRetry={error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' ? undefined : refresh}
          headingLevel={3}
        />
      );
    }
    return <LoadingState label="Loading the run" />;
  }

  const cancel = async () => {
    setCancelling(true);
    setCancelError(undefined);
    const result = await cancelScriptRun(run.runId);
    setCancelling(false);
    if (!result.ok) setCancelError(result.error);
    refresh();
  };

  const finished = isRunFinished(run.state);
  return (
    <Stack space="space.200">
      <RunDetails
        run={run}
        scriptName={scriptName(run.scriptKey)}
        headingLevel="h3"
        actions={
          finished ? undefined : (
            <Button onClick={() => void cancel()} isLoading={cancelling} isDisabled={run.cancelRequested}>
              {run.cancelRequested ? 'Cancel requested' : 'Cancel run'}
            </Button>
          )
        }
      />
      {cancelError ? (
        <ErrorState title="The run could not be cancelled" message={cancelError.message} headingLevel={3} />
      ) : null}
      {error ? (
        <ErrorState
          title="Following the run paused"
          message={`${error.message} The run goes on without this page.`}
          onRetry={refresh}
          headingLevel={3}
        />
      ) : null}
    </Stack>
  );
}
