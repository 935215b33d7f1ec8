import Button from '@atlaskit/button/new';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import type { ScriptRunSummary } from '../../../src/contract/scripts';
import { formatDateTime } from '../formatDateTime';
import { RunStateLozenge } from './RunStateLozenge';
import { personName, progressText } from './runText';

const tableStyles = xcss({ width: '100%', borderCollapse: 'collapse' });
const cellStyles = xcss({
  textAlign: 'start',
  verticalAlign: 'middle',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});

interface RunTableProps {
  /** The table's accessible name ("Recent runs in Marketing"). */
  label: string;
  runs: readonly ScriptRunSummary[];
  scriptName: (scriptKey: string) => string;
  /** The admin page lists runs of every space. */
  showSpace: boolean;
  onOpen: (run: ScriptRunSummary) => void;
  /** The run whose details are open, if any. */
  openRunId?: string;
}

/** Runs, newest first: what, where, who, when and the outcome, each with a button to open its details. */
export function RunTable({ label, runs, scriptName, showSpace, onOpen, openRunId }: RunTableProps) {
  return (
    <Box as="table" xcss={tableStyles} aria-label={label}>
      <thead>
        <tr>
          <Box as="th" scope="col" xcss={cellStyles}>
            Script
          </Box>
          {showSpace ? (
            <Box as="th" scope="col" xcss={cellStyles}>
              Space
            </Box>
          ) : null}
          <Box as="th" scope="col" xcss={cellStyles}>
            Started by
          </Box>
          <Box as="th" scope="col" xcss={cellStyles}>
            Started
          </Box>
          <Box as="th" scope="col" xcss={cellStyles}>
            Outcome
          </Box>
          <Box as="th" scope="col" xcss={cellStyles}>
            <Text weight="semibold">Details</Text>
          </Box>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const name = scriptName(run.scriptKey);
          const started = formatDateTime(run.startedAt);
          return (
            <tr key={run.runId} data-run-id={run.runId} data-run-state={run.state}>
              <Box as="td" xcss={cellStyles}>
                {name}
              </Box>
              {showSpace ? (
                <Box as="td" xcss={cellStyles}>
                  {run.spaceKey}
                </Box>
              ) : null}
              <Box as="td" xcss={cellStyles}>
                {personName(run.startedBy)}
              </Box>
              <Box as="td" xcss={cellStyles}>
                {started}
              </Box>
              <Box as="td" xcss={cellStyles}>
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <RunStateLozenge state={run.state} />
                  <Text size="small" color="color.text.subtle">
                    {progressText(run.progress)}
                  </Text>
                </Inline>
              </Box>
              <Box as="td" xcss={cellStyles}>
                <Button
                  appearance="subtle"
                  onClick={() => onOpen(run)}
                  aria-label={`Details of ${name}, started ${started}`}
                  // ADS's selected look misses 4.5:1 contrast in light mode; the pressed state says it instead.
                  aria-pressed={openRunId === undefined ? undefined : openRunId === run.runId}
                >
                  Details
                </Button>
              </Box>
            </tr>
          );
        })}
      </tbody>
    </Box>
  );
}
