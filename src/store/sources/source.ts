// The contract between a live source and the store that consumes it. Sources deliver raw,
// unvalidated items: validation belongs to the store, so every source stays transport-only.

/**
 * `skipping`: the connection is open but reading a message longer than `maxMessageChars` that it
 * throws away (an NDJSON line that has not ended yet): nothing new arrives meanwhile.
 */
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'skipping' | 'retrying' | 'offline' | 'closed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Consecutive failed connections; 0 once a connection is live. */
  attempt: number;
  /** While `retrying`: the delay before the next connection. */
  retryInMs?: number;
  /** Why the last connection ended, in words a person can read. */
  error?: string;
  /**
   * The last cursor the sink had accepted when this status was reported: it does not move with
   * each message (`store.cursor(kind)` does).
   */
  cursor?: string;
  /** While `skipping`: characters of the oversized message read and thrown away so far. */
  skippedChars?: number;
}

export interface SourceSink {
  /** Raw items of one message/batch and the cursor after it. The source awaits it before it commits the cursor. */
  deliver(items: unknown[], cursor: string | undefined): void | Promise<void>;
  /**
   * A message that could not be parsed at all (bad JSON...): the store reports it as rejected with this reason.
   * Never thrown.
   */
  malformed(raw: string, reason: string): void;
  status(status: ConnectionStatus): void;
}

export interface ResponseSource {
  readonly kind: string;
  start(sink: SourceSink, cursor?: string): void;
  stop(): void;
  readonly status: ConnectionStatus;
}

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  jitter?: number /* 0..1 */;
}

/** Options every source takes. */
export interface SourceOptions {
  backoff?: BackoffOptions;
  /**
   * Turns one raw item into the items to deliver (for example a provider's webhook body into
   * events). An item it throws on is reported through `malformed` and skipped.
   */
  transform?: (item: unknown) => unknown[];
  /** The random source for jitter, in [0, 1); tests pass a fixed one. */
  random?: () => number;
  /** Follow `navigator.onLine` and the window's offline/online events (default true). */
  watchNetwork?: boolean;
  /**
   * The longest message read, in characters (default `DEFAULT_MAX_MESSAGE_CHARS`, 4 Mi): an
   * NDJSON line, an SSE `data`, a WebSocket message or a poll answer. A longer one is reported
   * through `malformed` with its length and skipped, never held whole in memory (NDJSON) or parsed.
   */
  maxMessageChars?: number;
  /**
   * How much of one oversized NDJSON line is read and thrown away, in characters, before the
   * connection is dropped and made again from the last cursor (default 64 times
   * `maxMessageChars`): a line that never ends must not be downloaded for ever. Meanwhile the
   * status is `skipping`, with `skippedChars`. The same line met on `MAX_OVERSIZED_REPEATS`
   * connections stops the source, with the reason.
   */
  maxSkippedChars?: number;
  /**
   * How long a connection must stay open, delivering nothing, before it counts as healthy
   * (default 5000 ms). The backoff starts again from its first step only after a healthy
   * connection or one that delivered a batch: a server that accepts and drops at once is met
   * with a growing delay, not a reconnect every second.
   */
  healthyAfterMs?: number;
}

/** The default `maxMessageChars`: 4 Mi characters, thousands of events in one message. */
export const DEFAULT_MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

/** The default `maxSkippedChars` is this many times `maxMessageChars`. */
export const DEFAULT_SKIPPED_FACTOR = 64;

/** The default `healthyAfterMs`. */
export const DEFAULT_HEALTHY_AFTER_MS = 5000;
