// A sink that records what a source hands it, for assertions, and can hold deliveries open to
// test ordering and stops in the middle of one.
import type { ConnectionStatus, SourceSink } from '../../../src/store/sources/index';

export interface Batch {
  items: unknown[];
  cursor: string | undefined;
}

export interface RecordingSink extends SourceSink {
  batches: Batch[];
  malformedReports: { raw: string; reason: string }[];
  statuses: ConnectionStatus[];
  /** Every delivered item, in order. */
  readonly items: unknown[];
  /** The ids of delivered items that have one, in order. */
  readonly ids: unknown[];
  readonly states: string[];
}

export function recordingSink(onDeliver?: (batch: Batch) => void | Promise<void>): RecordingSink {
  const sink: RecordingSink = {
    batches: [],
    malformedReports: [],
    statuses: [],
    get items() {
      return sink.batches.flatMap((b) => b.items);
    },
    get ids() {
      return sink.items.map((item) => (item as { id?: unknown } | null)?.id);
    },
    get states() {
      return sink.statuses.map((s) => s.state);
    },
    async deliver(items, cursor) {
      const batch = { items, cursor };
      // Recorded when the source hands the batch over, before the sink's own await.
      sink.batches.push(batch);
      await onDeliver?.(batch);
    },
    malformed(raw, reason) {
      sink.malformedReports.push({ raw, reason });
    },
    status(status) {
      sink.statuses.push(status);
    },
  };
  return sink;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** A promise with its resolve exposed. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export const fast = { backoff: { initialMs: 10, maxMs: 40, jitter: 0 } } as const;
