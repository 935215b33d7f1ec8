/**
 * Counts the platform calls one invocation makes, by kind, and their
 * sequential depth: the longest chain of calls where each one started only
 * after the previous one had answered. Calls made in parallel (Promise.all)
 * share a depth; calls awaited one after another add to it.
 *
 * A logical clock (not wall time) orders starts and ends, so the figure is
 * exact however fast the emulated platform answers.
 */
export type PlatformCallKind = 'kvs' | 'product' | 'graphql' | 'events';

export interface PlatformCall {
  kind: PlatformCallKind;
  label: string;
  depth: number;
}

export interface PlatformCallStats {
  total: number;
  byKind: Record<PlatformCallKind, number>;
  sequentialDepth: number;
  calls: PlatformCall[];
}

interface FinishedCall extends PlatformCall {
  end: number;
}

export class CallRecorder {
  private clock = 0;
  private readonly finished: FinishedCall[] = [];

  async record<T>(kind: PlatformCallKind, label: string, call: () => Promise<T>): Promise<T> {
    const start = ++this.clock;
    try {
      return await call();
    } finally {
      const end = ++this.clock;
      let before = 0;
      for (const done of this.finished) {
        if (done.end < start && done.depth > before) before = done.depth;
      }
      this.finished.push({ kind, label, depth: before + 1, end });
    }
  }

  stats(): PlatformCallStats {
    const byKind: Record<PlatformCallKind, number> = { kvs: 0, product: 0, graphql: 0, events: 0 };
    let sequentialDepth = 0;
    for (const call of this.finished) {
      byKind[call.kind] += 1;
      if (call.depth > sequentialDepth) sequentialDepth = call.depth;
    }
    return {
      total: this.finished.length,
      byKind,
      sequentialDepth,
      calls: this.finished.map(({ kind, label, depth }) => ({ kind, label, depth })),
    };
  }
}
