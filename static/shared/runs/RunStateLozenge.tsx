import Lozenge from '@atlaskit/lozenge';
import type { RunState } from '../../../src/contract/scripts';
import { RUN_STATE_APPEARANCES, RUN_STATE_LABELS } from './runText';

export function RunStateLozenge({ state }: { state: RunState }) {
  return <Lozenge appearance={RUN_STATE_APPEARANCES[state]}>{RUN_STATE_LABELS[state]}</Lozenge>;
}
