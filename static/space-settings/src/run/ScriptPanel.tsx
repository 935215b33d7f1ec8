import { useReducer } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { EmptyState } from '../../../shared/components/EmptyState';
import { ErrorState } from '../../../shared/components/ErrorState';
import { LoadingState } from '../../../shared/components/LoadingState';
import { previewScript, startScript } from '../api';
import type { AnyScriptForm } from '../forms/registry';
import type { MyScript, SpaceSummary } from '../types';
import { ConfirmRunDialog } from './ConfirmRunDialog';
import { PreviewResult } from './PreviewResult';
import { canRun, flowReducer, initialFlow, needsConfirmation, type FlowAction, type ScriptFlow } from './scriptFlow';
import { useScriptForm } from './useScriptForm';

interface ScriptPanelProps {
  script: MyScript;
  space: SpaceSummary;
  onStarted: (runId: string) => void;
}

/** An allowed script's form, loaded on first open, then Preview and Run. */
export function ScriptPanel({ script, space, onStarted }: ScriptPanelProps) {
  const load = useScriptForm(script.key);
  if (load.status === 'loading') return <LoadingState label={`Loading the ${script.name} form`} />;
  if (load.status === 'failed') {
    return <ErrorState title="The form couldn't be loaded" message={load.message} headingLevel={3} />;
  }
  if (load.status === 'missing') {
    return (
      <EmptyState
        header="This script cannot be run from this page yet"
        description="Its form is not part of this version of the app."
        headingLevel={3}
      />
    );
  }
  return <ScriptFormFlow key={script.key} form={load.form} script={script} space={space} onStarted={onStarted} />;
}

interface ScriptFormFlowProps extends ScriptPanelProps {
  form: AnyScriptForm;
}

function ScriptFormFlow({ form, script, space, onStarted }: ScriptFormFlowProps) {
  const [flow, dispatch] = useReducer(
    flowReducer as (flow: ScriptFlow<unknown>, action: FlowAction<unknown>) => ScriptFlow<unknown>,
    form.initialDraft,
    initialFlow,
  );

  const preview = async () => {
    if (flow.busy) return;
    const parsed = form.toInput(flow.draft);
    if (!parsed.ok) {
      dispatch({ type: 'invalid', errors: parsed.errors });
      return;
    }
    dispatch({ type: 'preview-sent' });
    const result = await previewScript(script.key, parsed.input);
    dispatch({ type: 'preview-answered', input: parsed.input, result });
  };

  const start = async () => {
    if (!flow.preview) return;
    dispatch({ type: 'start-sent' });
    const result = await startScript(script.key, flow.preview.input, flow.preview.result.permanent);
    dispatch({ type: 'start-answered', result });
    if (result.ok) onStarted(result.data.runId);
  };

  const run = () => {
    if (needsConfirmation(flow)) dispatch({ type: 'run-asked' });
    else void start();
  };

  const { Fields } = form;
  return (
    <Stack space="space.300">
      <Fields
        draft={flow.draft}
        onChange={(draft: unknown) => dispatch({ type: 'edit', draft })}
        errors={flow.errors}
        disabled={flow.busy !== undefined}
        space={space}
      />
      <Inline space="space.100">
        {/* No isLoading: a loading button drops keyboard focus; the spinner below says it is busy. */}
        <Button
          appearance={flow.preview ? 'default' : 'primary'}
          onClick={() => void preview()}
          isDisabled={flow.busy === 'start'}
        >
          Preview
        </Button>
        <Button
          appearance={flow.preview?.result.permanent ? 'danger' : 'primary'}
          onClick={run}
          isDisabled={!canRun(flow)}
          isLoading={flow.busy === 'start'}
        >
          Run
        </Button>
      </Inline>
      {!flow.preview && !flow.busy ? (
        <Text as="p" color="color.text.subtle">
          Preview first: it shows what the run would change, and changes nothing.
        </Text>
      ) : null}
      {flow.failure ? (
        <ErrorState
          title={
            flow.busy === undefined && flow.preview === undefined
              ? 'The script could not continue'
              : 'Something went wrong'
          }
          message={flow.failure.message}
          headingLevel={3}
        />
      ) : null}
      {flow.busy === 'preview' ? <LoadingState label="Working out what the run would change" /> : null}
      {flow.preview ? <PreviewResult preview={flow.preview.result} /> : null}
      {flow.confirming && flow.preview ? (
        <ConfirmRunDialog
          scriptName={script.name}
          preview={flow.preview.result}
          onConfirm={() => void start()}
          onCancel={() => dispatch({ type: 'confirm-cancelled' })}
        />
      ) : null}
    </Stack>
  );
}
