import { Box, xcss } from '@atlaskit/primitives';
import type { RunState, ScriptRunSummary } from '../../../src/contract/scripts';
import { progressPercent, progressText } from './runText';

const trackStyles = xcss({
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  height: '8px',
  overflow: 'hidden',
  width: '100%',
});

const fillBase = xcss({ height: '100%' });
// xcss, not token(): token() would bring @atlaskit/tokens' name table into the page's first load.
const FILL_STYLES: Record<RunState, ReturnType<typeof xcss>> = {
  queued: xcss({ backgroundColor: 'color.background.brand.bold' }),
  running: xcss({ backgroundColor: 'color.background.brand.bold' }),
  succeeded: xcss({ backgroundColor: 'color.background.success.bold' }),
  failed: xcss({ backgroundColor: 'color.background.danger.bold' }),
  cancelled: xcss({ backgroundColor: 'color.background.warning.bold' }),
  stopped: xcss({ backgroundColor: 'color.background.warning.bold' }),
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
      <Box xcss={[fillBase, FILL_STYLES[state]]} style={{ width: `${percent}%` }} />
    </Box>
  );
}
