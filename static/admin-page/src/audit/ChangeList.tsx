import { Box, Text } from '@atlaskit/primitives';
import type { Change } from './changeTypes';
import { describeChange, type ScriptNames, type Tense } from './changeText';

interface ChangeListProps {
  changes: readonly Change[];
  /** Changes that exist but are not listed. */
  omitted: number;
  /** Why they are not listed, e.g. "not kept in the log". */
  omittedReason: string;
  scriptName: ScriptNames;
  tense?: Tense;
}

/** Changes to the rule table, one sentence each. */
export function ChangeList({ changes, omitted, omittedReason, scriptName, tense = 'past' }: ChangeListProps) {
  return (
    <Box as="ul" paddingInlineStart="space.300">
      {changes.map((change, index) => (
        <Box as="li" key={index}>
          <Text>{describeChange(change, scriptName, tense)}</Text>
        </Box>
      ))}
      {omitted > 0 ? (
        <Box as="li">
          <Text color="color.text.subtle">
            …and {omitted.toLocaleString()} more {omitted === 1 ? 'change' : 'changes'}, {omittedReason}.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
