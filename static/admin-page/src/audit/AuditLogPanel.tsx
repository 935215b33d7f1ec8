import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import { useResolver } from '../../../shared/useResolver';
import { getAuditLog } from '../adminApi';
import type { BuiltInScript } from '../types';
import { AuditEntryItem } from './AuditEntryItem';
import { RunAuditLog } from './RunAuditLog';
import { scriptNamesFrom } from './changeText';

interface AuditLogPanelProps {
  scripts: readonly BuiltInScript[];
}

/**
 * Who changed the rules, what and when: newest first, 20 entries a page.
 * Older pages are reached through the cursor of the page before; the cursors
 * seen are kept so "Newer" goes back without asking again for the first page's cursor.
 */
export function AuditLogPanel({ scripts }: AuditLogPanelProps) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length;
  const cursor = cursors[cursors.length - 1];
  return (
    <Stack space="space.200">
      <Stack space="space.100">
        <Heading size="medium" as="h2">
          Audit log
        </Heading>
        <Text as="p">Every saved change to the rules, newest first.</Text>
      </Stack>
      <AuditPage
        key={`${page}:${cursor ?? ''}`}
        cursor={cursor}
        page={page}
        scripts={scripts}
        onOlder={(next) => setCursors((current) => [...current, next])}
        onNewer={() => setCursors((current) => current.slice(0, -1))}
      />
      <RunAuditLog scripts={scripts} />
    </Stack>
  );
}

interface AuditPageProps {
  cursor: string | undefined;
  page: number;
  scripts: readonly BuiltInScript[];
  onOlder(cursor: string): void;
  onNewer(): void;
}

function AuditPage({ cursor, page, scripts, onOlder, onNewer }: AuditPageProps) {
  const { state, retry } = useResolver(() => getAuditLog(cursor));
  if (state.status === 'loading') return <LoadingState label="Loading the audit log" />;
  if (state.status === 'failed') {
    return (
      <ErrorState
        title="The audit log couldn't be loaded"
        message={state.error.message}
        onRetry={retry}
        headingLevel={3}
      />
    );
  }
  const { entries, nextCursor } = state.data;
  if (entries.length === 0 && page === 1) {
    return (
      <EmptyState
        header="No changes yet"
        description="Saved changes and imports will be listed here."
        headingLevel={3}
      />
    );
  }
  const scriptName = scriptNamesFrom(scripts);
  return (
    <Stack space="space.200">
      <Box as="ol" aria-label={`Audit log, page ${page}`} padding="space.0">
        {entries.map((entry) => (
          <AuditEntryItem key={entry.version} entry={entry} scriptName={scriptName} />
        ))}
      </Box>
      <Inline space="space.100" alignBlock="center">
        <Button onClick={onNewer} isDisabled={page === 1}>
          Newer
        </Button>
        <Text color="color.text.subtle">Page {page}</Text>
        <Button onClick={() => nextCursor && onOlder(nextCursor)} isDisabled={!nextCursor}>
          Older
        </Button>
      </Inline>
    </Stack>
  );
}
