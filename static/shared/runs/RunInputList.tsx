import { Box, Text, xcss } from '@atlaskit/primitives';
import type { InputNames } from '../../../src/contract/scripts';
import { describeInput } from './runText';

const gridStyles = xcss({
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'space.200',
  rowGap: 'space.050',
  marginBlock: 'space.0',
  marginInline: 'space.0',
  paddingInlineStart: 'space.0',
});
// Browsers indent dd by default, and css-reset spaces dd and dt + dd; the grid's gaps do both here.
const termStyles = xcss({ marginBlock: 'space.0', marginInline: 'space.0' });
/** A dl may group each dt/dd pair in a div; `contents` keeps the grid. */
const pairStyles = xcss({ display: 'contents' });

/** A run's input as a description list ("Pages: Every page in the space"). */
export function RunInputList({ input, names }: { input: Record<string, unknown>; names?: InputNames }) {
  const lines = describeInput(input, names);
  if (lines.length === 0) return <Text as="p">No options.</Text>;
  return (
    <Box as="dl" xcss={gridStyles}>
      {lines.map((line) => (
        <Box key={line.label} as="div" xcss={pairStyles}>
          <Box as="dt" xcss={termStyles}>
            <Text weight="semibold" color="color.text.subtle">
              {line.label}
            </Text>
          </Box>
          <Box as="dd" xcss={termStyles}>
            <Text>{line.value}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
