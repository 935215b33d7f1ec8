/**
 * Where runs live in Forge KVS. Keys allow only `[a-zA-Z0-9:._\s-#]`, so
 * space keys (`~` in personal spaces) and account ids are hex-encoded
 * where they are part of a key. Indexes sort newest first by an inverted
 * start time, so a `beginsWith` query pages through them in that order.
 */
export const RUN_PREFIX = 'runs:r:';
export const runKey = (runId: string): string => `${RUN_PREFIX}${runId}`;
export const cancelKey = (runId: string): string => `runs:c:${runId}`;
export const scratchKey = (runId: string, key: string): string => `runs:s:${runId}:${key}`;

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
/** 13 digits hold every ms timestamp until the year 2286. */
const inverted = (startedAtMs: number): string => String(9_999_999_999_999 - startedAtMs).padStart(13, '0');

export type RunIndex = 'all' | 'space' | 'script' | 'person';

export function indexPrefix(index: RunIndex, value = ''): string {
  switch (index) {
    case 'all':
      return 'runs:i:a:';
    case 'space':
      return `runs:i:s:${hex(value)}:`;
    case 'script':
      return `runs:i:k:${value}:`;
    case 'person':
      return `runs:i:u:${hex(value)}:`;
  }
}

export function indexKeys(run: {
  runId: string;
  startedAtMs: number;
  space: { key: string };
  scriptKey: string;
  startedBy: { accountId: string };
}): string[] {
  const tail = `${inverted(run.startedAtMs)}:${run.runId}`;
  return [
    indexPrefix('all') + tail,
    indexPrefix('space', run.space.key) + tail,
    indexPrefix('script', run.scriptKey) + tail,
    indexPrefix('person', run.startedBy.accountId) + tail,
  ];
}
