import { nextPollDelay, POLL_INTERVAL_MS, MAX_POLL_BACKOFF_MS } from '../../../static/shared/runs/runPolling';
import {
  describeInput,
  extraMessage,
  formatBytes,
  outcomeText,
  personName,
  progressPercent,
  progressText,
} from '../../../static/shared/runs/runText';

describe('a run in words', () => {
  test('progress counts done and failed items against the total', () => {
    expect(progressText({ done: 12, total: 40, failed: 0 })).toBe('12 of 40 items done');
    expect(progressText({ done: 1, total: 1, failed: 2 })).toBe('1 of 1 item done, 2 failed');
    expect(progressPercent({ done: 10, total: 40, failed: 10 }, 'running')).toBe(50);
    expect(progressPercent({ done: 0, total: 0, failed: 0 }, 'running')).toBe(0);
    expect(progressPercent({ done: 0, total: 0, failed: 0 }, 'succeeded')).toBe(100);
  });

  test('the summary names the state and the counts', () => {
    expect(outcomeText({ state: 'queued', progress: { done: 0, total: 0, failed: 0 } })).toBe('Waiting to start.');
    expect(outcomeText({ state: 'succeeded', progress: { done: 5, total: 5, failed: 0 } })).toBe(
      'Finished: 5 of 5 items done.',
    );
    expect(outcomeText({ state: 'succeeded', progress: { done: 4, total: 5, failed: 1 } })).toBe(
      'Finished with failures: 4 of 5 items done, 1 failed.',
    );
    expect(outcomeText({ state: 'cancelled', progress: { done: 2, total: 5, failed: 0 } })).toBe(
      'Cancelled: 2 of 5 items done before it stopped.',
    );
  });

  test("the run's message only when it says more than the counts", () => {
    expect(extraMessage({ message: '4 of 4 done.' })).toBeUndefined();
    expect(extraMessage({ message: '1,200 of 1,300 done, 3 failed.' })).toBeUndefined();
    expect(extraMessage({ message: 'Access withdrawn: the rules no longer allow it.' })).toBe(
      'Access withdrawn: the rules no longer allow it.',
    );
    expect(extraMessage({})).toBeUndefined();
  });

  test('people by name, else by account id', () => {
    expect(personName({ accountId: 'u-bob', displayName: 'Bob Smith' })).toBe('Bob Smith');
    expect(personName({ accountId: 'u-bob', displayName: ' ' })).toBe('u-bob');
  });

  test('an input as labelled lines, unknown fields by their name', () => {
    expect(
      describeInput({
        target: { type: 'tree', pageId: '42' },
        add: ['a', 'b'],
        remove: [],
        olderThanDays: 1,
        minSizeBytes: 10 * 1024 * 1024,
        kinds: ['footer'],
        types: ['page', 'blogpost'],
        purge: true,
        somethingNew: { x: 1 },
      }),
    ).toEqual([
      { label: 'Pages', value: 'Page 42 and all pages below it' },
      { label: 'Labels to add', value: 'a, b' },
      { label: 'Labels to remove', value: 'None' },
      { label: 'Older than', value: '1 day' },
      { label: 'Larger than', value: '10 MB' },
      { label: 'Comments', value: 'footer' },
      { label: 'Trashed content', value: 'pages, blog posts' },
      { label: 'Purge', value: 'Yes' },
      { label: 'somethingNew', value: '{"x":1}' },
    ]);
    expect(formatBytes(512)).toBe('512 bytes');
    expect(describeInput({ pageId: '7', destinationPageId: '8', authorAccountIds: ['u-bob'] })).toEqual([
      { label: 'Page', value: 'Page 7' },
      { label: 'Destination page', value: 'Page 8' },
      { label: 'Authors', value: 'u-bob' },
    ]);
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});

test('an input names pages and people from the names kept with the run, ids where it has none', () => {
  const names = { pages: { '42': 'Spring launch', '8': 'Architecture' }, people: { 'u-bob': 'Bob Smith' } };
  expect(
    describeInput(
      { target: { type: 'tree', pageId: '42' }, destinationPageId: '8', authorAccountIds: ['u-bob', 'u-gone'] },
      names,
    ),
  ).toEqual([
    { label: 'Pages', value: '“Spring launch” and all pages below it' },
    { label: 'Destination page', value: '“Architecture”' },
    { label: 'Authors', value: 'Bob Smith, u-gone' },
  ]);
  expect(describeInput({ pageId: '9' }, names)).toEqual([{ label: 'Page', value: 'Page 9' }]);
});

describe('following a run', () => {
  test('about once a second while it moves, never after it ended', () => {
    expect(nextPollDelay({ state: 'running' }, undefined, 0)).toBe(POLL_INTERVAL_MS);
    expect(nextPollDelay({ state: 'queued' }, undefined, 0)).toBe(POLL_INTERVAL_MS);
    for (const state of ['succeeded', 'failed', 'cancelled', 'stopped'] as const) {
      expect(nextPollDelay({ state }, undefined, 0)).toBeUndefined();
    }
  });

  test('backs off when reading fails, and stops when reading cannot help', () => {
    expect(nextPollDelay(undefined, { code: 'UNAVAILABLE' }, 0)).toBe(POLL_INTERVAL_MS);
    expect(nextPollDelay(undefined, { code: 'UNAVAILABLE' }, 2)).toBe(4 * POLL_INTERVAL_MS);
    expect(nextPollDelay(undefined, { code: 'INTERNAL' }, 10)).toBe(MAX_POLL_BACKOFF_MS);
    expect(nextPollDelay(undefined, { code: 'FORBIDDEN' }, 0)).toBeUndefined();
    expect(nextPollDelay(undefined, { code: 'NOT_FOUND' }, 0)).toBeUndefined();
  });
});
