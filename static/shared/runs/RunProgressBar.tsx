import { Box, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { RunState, ScriptRunSummary } from '../../../src/contract/scripts';
import { progressPercent, progressText } from './runText';

const trackStyles = xcss({
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  height: '8px',
  overflow: 'hidden',
  width: '100%',
});

const FILL_COLORS: Record<RunState, string> = {
  queued: token('color.background.brand.bold'),
  running: token('color.background.brand.bold'),
  succeeded: token('color.background.success.bold'),
  failed: token('color.background.danger.bold'),
  cancelled: token('color.background.warning.bold'),
  stopped: token('color.background.warning.bold'),
};

interface RunProgressBarProps {
  label: string;
  state: RunState;
  progress: ScriptRunSummary['progress'];
}

/**
 * The items handled of the total as a bar (ADS has no progress bar package
 * installed here; this follows its look: a neutral track, a bold fill).
 * Screen readers get the counts in words through aria-valuetext.
 */
export function RunProgressBar({ label, state, progress }: RunProgressBarProps) {
  const percent = progressPercent(progress, state);
  return (
    <Box
      xcss={trackStyles}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={progressText(progress)}
    >
      {/* The width is the one value tokens cannot express; the CSP allows inline styles. */}
      <div style={{ width: `${percent}%`, height: '100%', backgroundColor: FILL_COLORS[state] }} />
    </Box>
  );
}
