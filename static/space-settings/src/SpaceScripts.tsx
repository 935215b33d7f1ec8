import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { LoadingState } from '../../shared/components/LoadingState';
import { MyScripts } from './MyScripts';
import { RunPanel } from './run/RunPanel';
import { RecentRuns, RunningNow } from './run/RunsSection';
import { useSpaceRuns } from './run/useSpaceRuns';
import type { MyScriptsData } from './types';

// A script's form, preview and confirmation load when a script is first opened: the list loads without them.
const ScriptPanel = lazy(() => import('./run/ScriptPanel').then((m) => ({ default: m.ScriptPanel })));

type View =
  { name: 'list' } | { name: 'script'; scriptKey: string } | { name: 'run'; runId: string; scriptKey: string };

interface SpaceScriptsProps {
  data: MyScriptsData;
}

/** The loaded page: the scripts and this space's runs, one script's form, or one run. */
export function SpaceScripts({ data }: SpaceScriptsProps) {
  const [view, setView] = useState<View>({ name: 'list' });
  // Read (and followed) while the list is shown; a non-admin has no runs to read.
  const spaceRuns = useSpaceRuns(data.spaceAdmin && view.name === 'list');
  const spaceLabel = data.space.name ? `${data.space.name} (${data.space.key})` : data.space.key;
  const scriptName = (key: string) => data.scripts.find((script) => script.key === key)?.name ?? key;

  if (view.name === 'list') {
    const openRun = (run: { runId: string; scriptKey: string }) =>
      setView({ name: 'run', runId: run.runId, scriptKey: run.scriptKey });
    return (
      <Stack space="space.400">
        {data.spaceAdmin ? <RunningNow spaceRuns={spaceRuns} scriptName={scriptName} onOpenRun={openRun} /> : null}
        <MyScripts data={data} onOpen={(script) => setView({ name: 'script', scriptKey: script.key })} />
        {data.spaceAdmin ? (
          <RecentRuns spaceRuns={spaceRuns} spaceLabel={spaceLabel} scriptName={scriptName} onOpenRun={openRun} />
        ) : null}
      </Stack>
    );
  }

  const script = data.scripts.find((s) => s.key === view.scriptKey);
  const back = () => setView({ name: 'list' });
  if (view.name === 'run') {
    return (
      <Subview title={`${scriptName(view.scriptKey)}: run`} onBack={back}>
        <RunPanel runId={view.runId} scriptName={scriptName} />
      </Subview>
    );
  }
  return (
    <Subview title={script?.name ?? view.scriptKey} onBack={back}>
      {script ? (
        <Stack space="space.300">
          <Text as="p">{script.description}</Text>
          <Suspense fallback={<LoadingState label={`Loading ${script.name}`} />}>
            <ScriptPanel
              script={script}
              space={data.space}
              onStarted={(runId) => setView({ name: 'run', runId, scriptKey: script.key })}
            />
          </Suspense>
        </Stack>
      ) : null}
    </Subview>
  );
}

/** A view below the list: Back (focused on arrival, for keyboard users), then its heading and content. */
function Subview({ title, onBack, children }: { title: string; onBack: () => void; children: ReactNode }) {
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), [title]);
  return (
    <Stack space="space.300">
      <Box>
        <Button appearance="subtle" onClick={onBack} ref={backRef}>
          Back to built-in scripts
        </Button>
      </Box>
      <Heading size="medium" as="h2">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}
