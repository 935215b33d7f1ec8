/**
 * The data file: a JSON snapshot of the whole store, written atomically
 * (temp file, then rename) a short while after a change, and on flush/close.
 */
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { mkdir, rename, writeFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreSnapshot } from './store';
import type { StoredRecord } from './types';

const FORMAT = 'forge-local-kvs';
const VERSION = 1;

interface SnapshotFileContent extends StoreSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
}

function isRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    'value' in r &&
    typeof r.createdAt === 'number' &&
    typeof r.updatedAt === 'number' &&
    (r.expiresAt === undefined || typeof r.expiresAt === 'number')
  );
}

/** Reads a snapshot; a file that is not one of ours is an error, never silently wiped. */
export function readSnapshot(path: string): StoreSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `KVS data file ${path} is not valid JSON (${(error as Error).message}); move it away to start empty`,
      { cause: error },
    );
  }
  const content = parsed as Partial<SnapshotFileContent> | null;
  if (!content || content.format !== FORMAT || content.version !== VERSION || typeof content.namespaces !== 'object') {
    throw new Error(`KVS data file ${path} is not a ${FORMAT} v${VERSION} snapshot; move it away to start empty`);
  }
  for (const [ns, records] of Object.entries(content.namespaces ?? {})) {
    for (const [key, record] of Object.entries(records)) {
      if (!isRecord(record)) throw new Error(`KVS data file ${path}: record ${ns}/${key} is malformed`);
    }
  }
  return { namespaces: content.namespaces ?? {} };
}

export class SnapshotWriter {
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;
  private sequence = 0;

  constructor(
    private readonly path: string,
    private readonly debounceMs: number,
    private readonly snapshot: () => StoreSnapshot,
  ) {
    mkdirSync(dirname(path), { recursive: true });
  }

  /** A change happened: write it soon. */
  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.enqueueWrite();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes any pending change now and waits for it; rethrows a failed write. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.enqueueWrite();
    if (this.lastError) {
      const error = this.lastError;
      this.lastError = undefined;
      throw error;
    }
  }

  private enqueueWrite(): Promise<void> {
    this.chain = this.chain.then(() => this.writeIfDirty());
    return this.chain;
  }

  private async writeIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const content: SnapshotFileContent = { format: FORMAT, version: VERSION, ...this.snapshot() };
    const text = JSON.stringify(content);
    const temp = `${this.path}.${process.pid}.${++this.sequence}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.path);
      this.lastError = undefined;
    } catch (error) {
      this.dirty = true;
      this.lastError = error as Error;
      await unlink(temp).catch(() => undefined);
    }
  }
}
