import { Stack } from '@atlaskit/primitives';
import { scriptNamesFrom } from '../audit/changeText';
import type { AdminConfig, BuiltInScript } from '../types';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

interface TransferPanelProps {
  version: number;
  scripts: readonly BuiltInScript[];
  hasUnsavedEdits: boolean;
  onImported(config: AdminConfig): void;
}

/** Export the rule table as JSON; import one with a preview first. */
export function TransferPanel({ version, scripts, hasUnsavedEdits, onImported }: TransferPanelProps) {
  return (
    <Stack space="space.400">
      <ExportSection />
      <ImportSection
        version={version}
        scriptName={scriptNamesFrom(scripts)}
        hasUnsavedEdits={hasUnsavedEdits}
        onImported={onImported}
      />
    </Stack>
  );
}
