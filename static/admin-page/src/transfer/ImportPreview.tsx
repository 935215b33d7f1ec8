import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { ChangeList } from '../audit/ChangeList';
import { describeSummary, summarise, type ScriptNames } from '../audit/changeText';
import type { ImportAnswer } from './transferTypes';

/** Listed before "Show all", to keep a 10,000-row preview quick to read and to render. */
const FIRST_CHANGES = 50;

interface ImportPreviewProps {
  fileName: string;
  description: string;
  preview: ImportAnswer;
  scriptName: ScriptNames;
  applying: boolean;
  onApply(): void;
  onCancel(): void;
}

/** What importing the file would change, before anything is changed. */
export function ImportPreview({
  fileName,
  description,
  preview,
  scriptName,
  applying,
  onApply,
  onCancel,
}: ImportPreviewProps) {
  const [showAll, setShowAll] = useState(false);
  const { changes } = preview;
  const listed = showAll ? changes : changes.slice(0, FIRST_CHANGES);
  const nothing = changes.length === 0;
  return (
    <Stack space="space.150">
      <Heading size="small" as="h3">
        Preview of {fileName}
      </Heading>
      <Text as="p">{description}</Text>
      <Text as="p" weight="semibold">
        {nothing
          ? 'Nothing would change: the file matches the saved rules.'
          : `Importing it would replace the saved rules (version ${preview.version}): ${lowerFirst(describeSummary(summarise(changes), 'planned'))}. The table would then have ${preview.rows.toLocaleString()} ${preview.rows === 1 ? 'row' : 'rows'}.`}
      </Text>
      {nothing ? null : (
        <ChangeList
          changes={listed}
          omitted={changes.length - listed.length}
          omittedReason="not listed here"
          scriptName={scriptName}
          tense="planned"
        />
      )}
      {!nothing && changes.length > FIRST_CHANGES ? (
        <Inline>
          <Button appearance="subtle" onClick={() => setShowAll(!showAll)}>
            {showAll ? `Show the first ${FIRST_CHANGES} only` : `Show all ${changes.length.toLocaleString()} changes`}
          </Button>
        </Inline>
      ) : null}
      <Inline space="space.100">
        {nothing ? null : (
          <Button appearance="primary" onClick={onApply} isLoading={applying}>
            Apply import
          </Button>
        )}
        <Button appearance="subtle" onClick={onCancel} isDisabled={applying}>
          {nothing ? 'Close' : 'Cancel'}
        </Button>
      </Inline>
    </Stack>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
