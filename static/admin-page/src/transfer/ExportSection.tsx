import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import DownloadIcon from '@atlaskit/icon/core/download';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import type { ResolverError } from '../../../shared/resolverResult';
import { exportConfig } from '../adminApi';
import { downloadFile } from './downloadFile';
import { exportFileName } from './exportFileName';

type ExportState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; fileName: string; version: number; rows: number }
  | { status: 'failed'; error: ResolverError };

/** Downloads the saved rule table as a JSON file. */
export function ExportSection() {
  const [state, setState] = useState<ExportState>({ status: 'idle' });

  const run = async () => {
    setState({ status: 'loading' });
    const result = await exportConfig();
    if (!result.ok) {
      setState({ status: 'failed', error: result.error });
      return;
    }
    const { version, file } = result.data;
    const fileName = exportFileName(version, file.exportedAt);
    downloadFile(fileName, `${JSON.stringify(file, null, 2)}\n`);
    setState({ status: 'done', fileName, version, rows: Array.isArray(file.rows) ? file.rows.length : 0 });
  };

  return (
    <Stack space="space.150">
      <Heading size="medium" as="h2">
        Export
      </Heading>
      <Text as="p">
        Download the saved rule table (toggle, scripts and every row) as a JSON file, to keep or to import later.
      </Text>
      <Box>
        <Button iconBefore={DownloadIcon} onClick={() => void run()} isLoading={state.status === 'loading'}>
          Export as JSON
        </Button>
      </Box>
      <Box role="status">
        {state.status === 'done' ? (
          <SectionMessage appearance="success">
            <Text as="p">
              Downloaded {state.fileName}: version {state.version}, {state.rows.toLocaleString()}{' '}
              {state.rows === 1 ? 'row' : 'rows'}.
            </Text>
          </SectionMessage>
        ) : null}
      </Box>
      {state.status === 'failed' ? (
        <ErrorState
          title="The rules couldn't be exported"
          message={state.error.message}
          onRetry={() => void run()}
          headingLevel={3}
        />
      ) : null}
    </Stack>
  );
}
