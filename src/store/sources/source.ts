// The contract between a live source and the store that consumes it. Sources deliver raw,
// unvalidated items: validation belongs to the store, so every source stays transport-only.

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'retrying' | 'offline' | 'closed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Consecutive failed connections; 0 once a connection is live. */
  attempt: number;
  /** While `retrying`: the delay before the next connection. */
  retryInMs?: number;
  /** Why the last connection ended, in words a person can read. */
  error?: string;
  /** The last cursor the sink accepted. */
  cursor?: string;
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
}
