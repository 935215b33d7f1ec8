import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { PreviewItem, ScriptPreview } from '../../../../src/contract/scripts';
import { previewCountText, PERMANENT_WARNING } from './previewText';

const tableStyles = xcss({ width: '100%', borderCollapse: 'collapse' });
const cellStyles = xcss({
  textAlign: 'start',
  verticalAlign: 'top',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});

function itemTitle(item: PreviewItem): string {
  const indent = item.depth ? `${'— '.repeat(item.depth)}` : '';
  return `${indent}${item.title}`;
}

/** What a run would change, computed from Confluence as it is now; says so when it cannot be undone. */
export function PreviewResult({ preview }: { preview: ScriptPreview }) {
  return (
    <Stack space="space.150" testId="script-preview">
      <Heading size="small" as="h3">
        Preview
      </Heading>
      {preview.permanent ? (
        <SectionMessage appearance="warning" title="This cannot be undone" headingLevel="h4">
          <Text as="p">{PERMANENT_WARNING}</Text>
        </SectionMessage>
      ) : null}
      <Text as="p" weight="semibold">
        {previewCountText(preview)}
      </Text>
      <Text as="p">{preview.summary}</Text>
      {preview.warnings.map((warning) => (
        <SectionMessage key={warning} appearance="information">
          <Text as="p">{warning}</Text>
        </SectionMessage>
      ))}
      {preview.items.length > 0 ? (
        <Box as="table" xcss={tableStyles} aria-label="What the run would change">
          <thead>
            <tr>
              <Box as="th" scope="col" xcss={cellStyles}>
                Item
              </Box>
              <Box as="th" scope="col" xcss={cellStyles}>
                On page
              </Box>
              <Box as="th" scope="col" xcss={cellStyles}>
                Why it matches
              </Box>
              <Box as="th" scope="col" xcss={cellStyles}>
                The run would
              </Box>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={`${item.kind}-${item.id}`} data-preview-item={item.id}>
                <Box as="td" xcss={cellStyles}>
                  {itemTitle(item)}
                </Box>
                <Box as="td" xcss={cellStyles}>
                  {item.page?.title ?? '—'}
                </Box>
                <Box as="td" xcss={cellStyles}>
                  {item.reason}
                </Box>
                <Box as="td" xcss={cellStyles}>
                  {item.action}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      ) : null}
      {preview.total > preview.items.length ? (
        <Text as="p" color="color.text.subtle">
          Showing the first {preview.items.length.toLocaleString('en')} of {preview.total.toLocaleString('en')}.
        </Text>
      ) : null}
    </Stack>
  );
}
