/**
 * The in-memory store: one map per namespace ('kv', 'secret', 'entity:<name>').
 * Expired records read as absent and are removed the moment they are seen.
 */
import type { StoredRecord } from './types';

export type Namespace = string;
export const KV_NAMESPACE: Namespace = 'kv';
export const SECRET_NAMESPACE: Namespace = 'secret';
export const entityNamespace = (entityName: string): Namespace => `entity:${entityName}`;

export interface PutResult {
  previous?: StoredRecord;
  current: StoredRecord;
}

export interface StoreSnapshot {
  namespaces: Record<Namespace, Record<string, StoredRecord>>;
}

export class KvsStore {
  private readonly namespaces = new Map<Namespace, Map<string, StoredRecord>>();

  constructor(
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {}

  private space(ns: Namespace): Map<string, StoredRecord> {
    let space = this.namespaces.get(ns);
    if (!space) {
      space = new Map();
      this.namespaces.set(ns, space);
    }
    return space;
  }

  private isExpired(record: StoredRecord, at: number): boolean {
    return record.expiresAt !== undefined && record.expiresAt <= at;
  }

  get(ns: Namespace, key: string): StoredRecord | undefined {
    const space = this.namespaces.get(ns);
    const record = space?.get(key);
    if (!space || !record) return undefined;
    if (this.isExpired(record, this.now())) {
      space.delete(key);
      this.onChange();
      return undefined;
    }
    return record;
  }

  put(ns: Namespace, key: string, value: unknown, ttlMs: number | undefined): PutResult {
    const previous = this.get(ns, key);
    const at = this.now();
    const current: StoredRecord = {
      value,
      createdAt: previous ? previous.createdAt : at,
      updatedAt: at,
      ...(ttlMs !== undefined ? { expiresAt: at + ttlMs } : {}),
    };
    this.space(ns).set(key, current);
    this.onChange();
    return { previous, current };
  }

  /** True when a live record was removed. */
  delete(ns: Namespace, key: string): boolean {
    const existed = this.get(ns, key) !== undefined;
    if (existed) {
      this.namespaces.get(ns)?.delete(key);
      this.onChange();
    }
    return existed;
  }

  /** Live records of one namespace, keys ascending. Purges what has expired. */
  entries(ns: Namespace): [string, StoredRecord][] {
    const space = this.namespaces.get(ns);
    if (!space) return [];
    const at = this.now();
    const live: [string, StoredRecord][] = [];
    let purged = false;
    for (const [key, record] of space) {
      if (this.isExpired(record, at)) {
        space.delete(key);
        purged = true;
      } else {
        live.push([key, record]);
      }
    }
    if (purged) this.onChange();
    return live.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** How many records are held across namespaces, expired ones not yet purged included. */
  rawSize(): number {
    let size = 0;
    for (const space of this.namespaces.values()) size += space.size;
    return size;
  }

  clear(): void {
    this.namespaces.clear();
    this.onChange();
  }

  snapshot(): StoreSnapshot {
    const at = this.now();
    const namespaces: StoreSnapshot['namespaces'] = {};
    for (const [ns, space] of this.namespaces) {
      const records: Record<string, StoredRecord> = {};
      for (const [key, record] of space) if (!this.isExpired(record, at)) records[key] = record;
      namespaces[ns] = records;
    }
    return { namespaces };
  }

  restore(snapshot: StoreSnapshot): void {
    this.namespaces.clear();
    const at = this.now();
    for (const [ns, records] of Object.entries(snapshot.namespaces)) {
      const space = this.space(ns);
      for (const [key, record] of Object.entries(records)) {
        if (!this.isExpired(record, at)) space.set(key, record);
      }
    }
  }
}
