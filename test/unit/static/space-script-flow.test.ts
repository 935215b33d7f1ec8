import type { ScriptPreview } from '../../../src/contract/scripts';
import {
  canRun,
  flowReducer,
  initialFlow,
  needsConfirmation,
  type ScriptFlow,
} from '../../../static/space-settings/src/run/scriptFlow';
import { appendOlderPage, mergeFirstPage, unfinishedRuns } from '../../../static/space-settings/src/run/runList';
import { confirmationText, previewCountText } from '../../../static/space-settings/src/run/previewText';

const preview = (over: Partial<ScriptPreview> = {}): ScriptPreview => ({
  scriptKey: 'bulk-delete-comments',
  total: 3,
  items: [],
  permanent: false,
  summary: 'Deletes 3 comments.',
  warnings: [],
  ...over,
});

type Draft = { text: string };
const start: ScriptFlow<Draft> = initialFlow({ text: 'a' });
const input = { target: { type: 'space' } };

function previewed(p: ScriptPreview): ScriptFlow<Draft> {
  const sent = flowReducer(start, { type: 'preview-sent' });
  return flowReducer(sent, { type: 'preview-answered', input, result: { ok: true, data: p } });
}

describe('a script form flow', () => {
  test('Run is offered only after a preview that found something, and any edit drops the preview', () => {
    expect(canRun(start)).toBe(false);
    const ready = previewed(preview());
    expect(ready.preview).toEqual({ result: preview(), input });
    expect(canRun(ready)).toBe(true);
    const edited = flowReducer(ready, { type: 'edit', draft: { text: 'b' } });
    expect(edited.preview).toBeUndefined();
    expect(canRun(edited)).toBe(false);
    expect(canRun(previewed(preview({ total: 0 })))).toBe(false);
  });

  test('edits are ignored while a call is on its way', () => {
    const sent = flowReducer(start, { type: 'preview-sent' });
    expect(flowReducer(sent, { type: 'edit', draft: { text: 'z' } }).draft).toEqual({ text: 'a' });
  });

  test('a permanent preview asks for confirmation before starting; cancelling closes the question', () => {
    const permanent = previewed(preview({ permanent: true }));
    expect(needsConfirmation(permanent)).toBe(true);
    const asking = flowReducer(permanent, { type: 'run-asked' });
    expect(asking.confirming).toBe(true);
    expect(flowReducer(asking, { type: 'confirm-cancelled' }).confirming).toBe(false);
    const plain = previewed(preview());
    expect(needsConfirmation(plain)).toBe(false);
    expect(flowReducer(plain, { type: 'run-asked' }).confirming).toBe(false);
  });

  test("a BAD_REQUEST about an input field goes under that field; other errors are the form's", () => {
    const sent = flowReducer(start, { type: 'preview-sent' });
    const bad = flowReducer(sent, {
      type: 'preview-answered',
      input,
      result: {
        ok: false,
        error: { code: 'BAD_REQUEST', message: 'input.add[0] must have no spaces', field: 'input.add[0]' },
      },
    });
    expect(bad.errors).toEqual({ add: 'input.add[0] must have no spaces' });
    expect(bad.failure).toBeUndefined();
    expect(bad.busy).toBeUndefined();
    const forbidden = flowReducer(sent, {
      type: 'preview-answered',
      input,
      result: {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Restricted for you by a rule set for your account.' },
      },
    });
    expect(forbidden.failure?.code).toBe('FORBIDDEN');
    expect(forbidden.errors).toEqual({});
  });

  test('a refused start drops the preview (preview again), a started one keeps the run id', () => {
    const ready = previewed(preview());
    const sending = flowReducer(ready, { type: 'start-sent' });
    expect(sending.busy).toBe('start');
    const refused = flowReducer(sending, {
      type: 'start-answered',
      result: { ok: false, error: { code: 'BAD_REQUEST', message: 'Confirm first' } },
    });
    expect(refused.preview).toBeUndefined();
    expect(refused.failure?.message).toBe('Confirm first');
    const started = flowReducer(sending, {
      type: 'start-answered',
      result: { ok: true, data: { runId: 'run-12345678' } },
    });
    expect(started.runId).toBe('run-12345678');
    expect(canRun(started)).toBe(false);
  });
});

describe('preview wording', () => {
  test('counts and the permanent question', () => {
    expect(previewCountText({ total: 0 })).toBe('Nothing matches: a run would change nothing.');
    expect(previewCountText({ total: 1 })).toBe('1 item would change.');
    expect(previewCountText({ total: 1200 })).toBe('1,200 items would change.');
    expect(confirmationText('Bulk Purge Trash', { total: 2 })).toBe(
      'Bulk Purge Trash will permanently remove 2 items from this space. This cannot be undone.',
    );
  });
});

describe("the space's run list", () => {
  const run = (runId: string, state: 'running' | 'succeeded' = 'succeeded') => ({
    runId,
    scriptKey: 'bulk-labels' as const,
    spaceKey: 'MKT',
    state,
    progress: { done: 1, total: 2, failed: 0 },
    startedBy: { accountId: 'u-bob' },
    startedAt: '2026-01-01T00:00:00Z',
  });

  test('a fresh first page replaces what it covers and keeps older pages already shown', () => {
    const shown = [run('r-3', 'running'), run('r-2'), run('r-1')];
    expect(mergeFirstPage(shown, [run('r-4'), run('r-3')]).map((r) => [r.runId, r.state])).toEqual([
      ['r-4', 'succeeded'],
      ['r-3', 'succeeded'],
      ['r-2', 'succeeded'],
      ['r-1', 'succeeded'],
    ]);
  });

  test('an older page skips runs already listed; unfinished runs are the ones followed', () => {
    expect(appendOlderPage([run('r-3'), run('r-2')], [run('r-2'), run('r-1')]).map((r) => r.runId)).toEqual([
      'r-3',
      'r-2',
      'r-1',
    ]);
    expect(unfinishedRuns([run('r-2', 'running'), run('r-1')]).map((r) => r.runId)).toEqual(['r-2']);
  });
});
