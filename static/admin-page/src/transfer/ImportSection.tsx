import { useId, useRef, useState, type ChangeEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import UploadIcon from '@atlaskit/icon/core/upload';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import type { ResolverError } from '../../../shared/resolverResult';
import { importConfig } from './importCall';
import type { ScriptNames } from '../audit/changeText';
import { loadConfig } from '../loadConfig';
import { describeConflict, readConflictDetails } from '../rules/conflictText';
import type { AdminConfig } from '../types';
import { readImportFile } from './importFile';
import { ImportPreview } from './ImportPreview';
import type { ImportAnswer } from './transferTypes';

interface ChosenFile {
  name: string;
  data: unknown;
  description: string;
}

type ImportState =
  | { status: 'idle' }
  | { status: 'unreadable'; fileName: string; message: string }
  | { status: 'previewing'; file: ChosenFile }
  | { status: 'preview'; file: ChosenFile; preview: ImportAnswer; applying: boolean }
  | { status: 'conflict'; file: ChosenFile; message: string }
  | { status: 'refused'; file: ChosenFile; error: ResolverError }
  | { status: 'applied'; fileName: string; version: number; changes: number; reloadError?: string };

interface ImportSectionProps {
  /** The saved version the page shows; the preview and the import are made against it. */
  version: number;
  scriptName: ScriptNames;
  hasUnsavedEdits: boolean;
  onImported(config: AdminConfig): void;
}

/** Choose a JSON file (an export, or version-0 settings), preview what would change, then apply it. */
export function ImportSection({ version, scriptName, hasUnsavedEdits, onImported }: ImportSectionProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const preview = async (file: ChosenFile, againstVersion: number) => {
    setState({ status: 'previewing', file });
    const result = await importConfig(file.data, true, againstVersion);
    setState(
      result.ok ? { status: 'preview', file, preview: result.data, applying: false } : failure(file, result.error),
    );
  };

  const onFileChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const read = readImportFile(await chosen.text(), chosen.size);
    if (!read.ok) {
      setState({ status: 'unreadable', fileName: chosen.name, message: read.message });
      return;
    }
    await preview({ name: chosen.name, data: read.data, description: read.description }, version);
  };

  const apply = async (file: ChosenFile, previewed: ImportAnswer) => {
    setState({ status: 'preview', file, preview: previewed, applying: true });
    const result = await importConfig(file.data, false, previewed.version);
    if (!result.ok) {
      setState(failure(file, result.error));
      return;
    }
    const latest = await loadConfig();
    if (latest.ok) onImported(latest.data);
    setState({
      status: 'applied',
      fileName: file.name,
      version: result.data.version,
      changes: result.data.changes.length,
      reloadError: latest.ok ? undefined : latest.error.message,
    });
  };

  /** After a CONFLICT: take the newer rules into the page, then preview again against them. */
  const previewAgainstLatest = async (file: ChosenFile) => {
    setState({ status: 'previewing', file });
    const latest = await loadConfig();
    if (!latest.ok) {
      setState({ status: 'refused', file, error: latest.error });
      return;
    }
    onImported(latest.data);
    await preview(file, latest.data.version);
  };

  const chooser = (
    <Box>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept="application/json,.json"
        tabIndex={-1}
        aria-hidden="true"
        style={{ display: 'none' }}
        onChange={(event) => void onFileChosen(event)}
      />
      <Button
        iconBefore={UploadIcon}
        onClick={() => inputRef.current?.click()}
        isDisabled={state.status === 'previewing'}
      >
        Choose a JSON file…
      </Button>
    </Box>
  );

  return (
    <Stack space="space.150">
      <Heading size="medium" as="h2">
        Import
      </Heading>
      <Text as="p">
        Replace the rules with those in a file: an export from this page, or settings in the older version-0 deny-list
        format. You see what would change before anything is changed.
      </Text>
      {hasUnsavedEdits ? (
        <SectionMessage appearance="warning" title="Save or discard your edits first" headingLevel="h3">
          <Text as="p">
            You have unsaved edits in the rule table. An import replaces the whole table, so save or discard them in the
            Rules tab before importing.
          </Text>
        </SectionMessage>
      ) : (
        <>
          {state.status === 'preview' || state.status === 'previewing' ? null : chooser}
          <ImportStateView
            state={state}
            scriptName={scriptName}
            onApply={apply}
            onCancel={() => setState({ status: 'idle' })}
            onPreviewAgain={previewAgainstLatest}
          />
        </>
      )}
    </Stack>
  );
}

function failure(file: ChosenFile, error: ResolverError): ImportState {
  if (error.code === 'CONFLICT') {
    return { status: 'conflict', file, message: describeConflict(readConflictDetails(error.details), error.message) };
  }
  return { status: 'refused', file, error };
}

interface ImportStateViewProps {
  state: ImportState;
  scriptName: ScriptNames;
  onApply(file: ChosenFile, preview: ImportAnswer): Promise<void>;
  onCancel(): void;
  onPreviewAgain(file: ChosenFile): Promise<void>;
}

function ImportStateView({ state, scriptName, onApply, onCancel, onPreviewAgain }: ImportStateViewProps) {
  switch (state.status) {
    case 'idle':
      return (
        <Text as="p" color="color.text.subtle">
          No file chosen.
        </Text>
      );
    case 'unreadable':
      return <ErrorState title={`${state.fileName} can't be imported`} message={state.message} headingLevel={3} />;
    case 'previewing':
      return <LoadingState label={`Preparing a preview of ${state.file.name}`} />;
    case 'preview':
      return (
        <ImportPreview
          fileName={state.file.name}
          description={state.file.description}
          preview={state.preview}
          scriptName={scriptName}
          applying={state.applying}
          onApply={() => void onApply(state.file, state.preview)}
          onCancel={onCancel}
        />
      );
    case 'conflict':
      return (
        <SectionMessage appearance="warning" title="The rules changed since the preview" headingLevel="h3">
          <Stack space="space.100" alignInline="start">
            <Text as="p">{state.message}</Text>
            <Text as="p">Nothing was imported. Preview the file again against the latest rules.</Text>
            <Button appearance="primary" onClick={() => void onPreviewAgain(state.file)}>
              Preview again
            </Button>
          </Stack>
        </SectionMessage>
      );
    case 'refused':
      return (
        <ErrorState
          title={`${state.file.name} was not imported`}
          message={state.error.field ? `${state.error.message} (field ${state.error.field})` : state.error.message}
          headingLevel={3}
        />
      );
    case 'applied':
      return (
        <Box role="status">
          <SectionMessage appearance="success" title={`Imported ${state.fileName}`} headingLevel="h3">
            <Text as="p">
              {state.changes.toLocaleString()} {state.changes === 1 ? 'change' : 'changes'} applied; the rule table is
              now version {state.version}.
              {state.reloadError
                ? ` The page could not load the new rules (${state.reloadError}): reload the page to see them.`
                : ''}
            </Text>
          </SectionMessage>
        </Box>
      );
    default:
      return null;
  }
}
