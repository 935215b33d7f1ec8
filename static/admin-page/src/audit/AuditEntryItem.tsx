import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { formatDateTime } from '../formatDateTime';
import type { AuditEntry } from './changeTypes';
import { ChangeList } from './ChangeList';
import { describeSummary, type ScriptNames } from './changeText';

const entryStyles = xcss({
  listStyle: 'none',
  paddingBlock: 'space.150',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

interface AuditEntryItemProps {
  entry: AuditEntry;
  scriptName: ScriptNames;
}

/** One saved change: who, when, a one-line summary, and the changes themselves on request. */
export function AuditEntryItem({ entry, scriptName }: AuditEntryItemProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const who = entry.by.displayName?.trim() || entry.by.accountId;
  const changeCount = entry.changes.length + entry.omittedChanges;
  return (
    <Box as="li" xcss={entryStyles} data-version={entry.version}>
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3">
            {who}
          </Heading>
          <Text color="color.text.subtle">
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </Text>
          <Lozenge appearance={entry.source === 'import' ? 'inprogress' : 'default'}>
            {entry.source === 'import' ? 'Import' : 'Edit'}
          </Lozenge>
          <Text color="color.text.subtle">Version {entry.version}</Text>
        </Inline>
        <Text as="p">{describeSummary(entry.summary)}</Text>
        {changeCount > 0 ? (
          <Box>
            <Button
              appearance="subtle"
              spacing="compact"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen(!open)}
            >
              {open
                ? 'Hide changes'
                : `Show ${changeCount.toLocaleString()} ${changeCount === 1 ? 'change' : 'changes'}`}
            </Button>
          </Box>
        ) : null}
        <div id={detailsId} hidden={!open}>
          {open ? (
            <ChangeList
              changes={entry.changes}
              omitted={entry.omittedChanges}
              scriptName={scriptName}
              omittedReason="not kept in the log"
            />
          ) : null}
        </div>
      </Stack>
    </Box>
  );
}
