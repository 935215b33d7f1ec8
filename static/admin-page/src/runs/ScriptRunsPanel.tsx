import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ScriptRunPage } from '../../../../src/contract/scripts';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import { RunDetails } from '../../../shared/runs/RunDetails';
import { RunTable } from '../../../shared/runs/RunTable';
import { usePolledRun } from '../../../shared/runs/usePolledRun';
import type { BuiltInScript } from '../types';
import { RunFiltersBar, type FilterChoices } from './RunFiltersBar';
import {
  currentCursor,
  firstPage,
  hasFilters,
  newerPage,
  olderPage,
  type PageTrail,
  type RunFilters,
} from './runFilters';
import { getSiteRun, listSiteRuns } from './runsApi';

const detailsStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

type ListState =
  { status: 'loading' } | { status: 'ready'; page: ScriptRunPage } | { status: 'failed'; error: ResolverError };

const NO_FILTERS: FilterChoices = { space: null, script: null, person: null };

function toFilters(choices: FilterChoices): RunFilters {
  return {
    spaceKey: choices.space?.match.key,
    scriptKey: choices.script?.value,
    accountId: choices.person?.match.id,
  };
}

/** Every script run on the site, newest first, filtered by space, script and person; one run's details below. */
export function ScriptRunsPanel({ scripts }: { scripts: readonly BuiltInScript[] }) {
  const [choices, setChoices] = useState<FilterChoices>(NO_FILTERS);
  const [trail, setTrail] = useState<PageTrail>(firstPage);
  // The answer is kept with the request it answers; a newer request shows loading until its own answer.
  const [answer, setAnswer] = useState<{ request: string; list: ListState } | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [openRun, setOpenRun] = useState<{ runId: string; scriptKey: string } | undefined>(undefined);
  const filters = toFilters(choices);
  const cursor = currentCursor(trail);

  const request = JSON.stringify({ filters, cursor, attempt });
  useEffect(() => {
    let live = true;
    const asked = JSON.parse(request) as { filters: RunFilters; cursor?: string };
    void listSiteRuns(asked.filters, asked.cursor).then((result) => {
      if (!live) return;
      setAnswer({
        request,
        list: result.ok ? { status: 'ready', page: result.data } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [request]);
  const list: ListState = answer?.request === request ? answer.list : { status: 'loading' };

  const scriptName = (key: string) => scripts.find((script) => script.key === key)?.name ?? key;
  const changeFilters = (next: FilterChoices) => {
    setChoices(next);
    setTrail(firstPage);
  };

  return (
    <Stack space="space.300">
      <Heading size="small" as="h2">
        Script runs
      </Heading>
      <Text as="p">Every built-in script run on this site, newest first. Runs are also listed in the audit log.</Text>
      <RunFiltersBar scripts={scripts} value={choices} onChange={changeFilters} />
      {list.status === 'loading' ? <LoadingState label="Loading script runs" /> : null}
      {list.status === 'failed' ? (
        <ErrorState
          title="Script runs couldn't be loaded"
          message={list.error.message}
          onRetry={list.error.code === 'FORBIDDEN' ? undefined : () => setAttempt((n) => n + 1)}
          headingLevel={3}
        />
      ) : null}
      {list.status === 'ready' && list.page.runs.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState header="No runs match" description="No script run matches these filters." headingLevel={3} />
        ) : (
          <EmptyState
            header="No script runs yet"
            description="Runs started from any space's settings appear here."
            headingLevel={3}
          />
        )
      ) : null}
      {list.status === 'ready' && list.page.runs.length > 0 ? (
        <RunTable
          label="Script runs"
          runs={list.page.runs}
          scriptName={scriptName}
          showSpace
          onOpen={(run) => setOpenRun({ runId: run.runId, scriptKey: run.scriptKey })}
          openRunId={openRun?.runId}
        />
      ) : null}
      <Inline space="space.100">
        <Button onClick={() => setTrail(newerPage)} isDisabled={trail.cursors.length <= 1}>
          Newer
        </Button>
        <Button
          onClick={() =>
            list.status === 'ready' && list.page.nextCursor && setTrail((t) => olderPage(t, list.page.nextCursor!))
          }
          isDisabled={list.status !== 'ready' || !list.page.nextCursor}
        >
          Older
        </Button>
      </Inline>
      {openRun ? (
        <Box padding="space.200" xcss={detailsStyles}>
          <Stack space="space.200">
            <Heading size="xsmall" as="h3">
              {scriptName(openRun.scriptKey)}: run details
            </Heading>
            <SiteRunDetails runId={openRun.runId} scriptName={scriptName(openRun.scriptKey)} />
          </Stack>
        </Box>
      ) : null}
    </Stack>
  );
}

/** One run, followed while it is under way. */
function SiteRunDetails({ runId, scriptName }: { runId: string; scriptName: string }) {
  const { run, error, refresh } = usePolledRun(runId, getSiteRun);
  if (!run) {
    return error ? (
      <ErrorState title="The run couldn't be loaded" message={error.message} onRetry={refresh} headingLevel={4} />
    ) : (
      <LoadingState label="Loading the run" />
    );
  }
  return <RunDetails run={run} scriptName={scriptName} headingLevel="h4" />;
}
