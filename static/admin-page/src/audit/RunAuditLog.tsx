import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AdminPageFunctions } from '../../../../src/contract/admin-page';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import { formatDateTime } from '../../../shared/formatDateTime';
import { resolverClient } from '../../../shared/invokeResolver';
import { RunInputList } from '../../../shared/runs/RunInputList';
import { personName } from '../../../shared/runs/runText';
import { useResolver } from '../../../shared/useResolver';
import type { BuiltInScript } from '../types';
import { auditInputNames, runAuditOutcome, runAuditTitle } from './runAuditText';

const call = resolverClient<AdminPageFunctions>();

const listStyles = xcss({ listStyle: 'none', paddingInlineStart: 'space.0', marginBlock: 'space.0' });
const itemStyles = xcss({
  marginBlockStart: 'space.0',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

/** Script runs as the audit log keeps them: each start (with its input) and each end (with its outcome). */
export function RunAuditLog({ scripts }: { scripts: readonly BuiltInScript[] }) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Script runs in the audit log
        </Heading>
        <Text as="p">Every start and end of a built-in script run, newest first.</Text>
      </Stack>
      <RunAuditPage
        key={`${cursors.length}:${cursor ?? ''}`}
        cursor={cursor}
        first={cursors.length === 1}
        scripts={scripts}
        onOlder={(next) => setCursors((current) => [...current, next])}
        onNewer={() => setCursors((current) => current.slice(0, -1))}
      />
    </Stack>
  );
}

interface RunAuditPageProps {
  cursor: string | undefined;
  first: boolean;
  scripts: readonly BuiltInScript[];
  onOlder(cursor: string): void;
  onNewer(): void;
}

function RunAuditPage({ cursor, first, scripts, onOlder, onNewer }: RunAuditPageProps) {
  const { state, retry } = useResolver(() => call('getScriptRunAudit', cursor ? { cursor } : {}));
  if (state.status === 'loading') return <LoadingState label="Loading script run entries" />;
  if (state.status === 'failed') {
    return (
      <ErrorState
        title="Script run entries couldn't be loaded"
        message={state.error.message}
        onRetry={retry}
        headingLevel={3}
      />
    );
  }
  const { entries, nextCursor, people } = state.data;
  if (entries.length === 0 && first) {
    return (
      <EmptyState
        header="No script runs yet"
        description="Runs are recorded here as they start and end."
        headingLevel={3}
      />
    );
  }
  const scriptName = (key: string) => scripts.find((s) => s.key === key)?.name ?? key;
  return (
    <Stack space="space.200">
      <Stack as="ul" role="list" space="space.100" xcss={listStyles} aria-label="Script run entries">
        {entries.map((entry) => (
          <Box
            as="li"
            key={`${entry.runId}:${entry.kind}`}
            padding="space.200"
            xcss={itemStyles}
            data-run-audit={entry.kind}
            data-run-id={entry.runId}
          >
            <Stack space="space.100">
              <Heading size="xsmall" as="h3">
                {runAuditTitle(entry, scriptName)}
              </Heading>
              <Text as="p" color="color.text.subtle">
                {personName({ accountId: entry.by.accountId, displayName: people?.[entry.by.accountId] })},{' '}
                {formatDateTime(entry.at)}
              </Text>
              {runAuditOutcome(entry) ? <Text as="p">{runAuditOutcome(entry)}</Text> : null}
              {entry.kind === 'run-started' && entry.input ? (
                <RunInputList input={entry.input} names={auditInputNames(entry, people)} />
              ) : null}
            </Stack>
          </Box>
        ))}
      </Stack>
      <Inline space="space.100">
        {/* Named apart from the rule changes' Newer / Older above. */}
        <Button onClick={onNewer} isDisabled={first}>
          Later runs
        </Button>
        <Button onClick={() => nextCursor && onOlder(nextCursor)} isDisabled={!nextCursor}>
          Earlier runs
        </Button>
      </Inline>
    </Stack>
  );
}
