// The live sources of the store: each delivers raw items and a cursor, reconnects with backoff
// and jitter, resumes from its cursor and reports its state.
export type {
  BackoffOptions,
  ConnectionState,
  ConnectionStatus,
  ResponseSource,
  SourceOptions,
  SourceSink,
} from './source';
export { DEFAULT_HEALTHY_AFTER_MS, DEFAULT_MAX_MESSAGE_CHARS } from './source';
export { DEFAULT_BACKOFF, backoffDelay, resolveBackoff } from './backoff';
export { createLineSplitter, splitLines, type LineSplitter, type OversizedLine } from './line-splitter';
export { isOffline, watchNetwork } from './network-status';
export { ReconnectingSource, type Link, type Teardown } from './reconnecting-source';
export { SSE_CURSOR_PARAM, SSE_DEFAULT_EVENTS, SseSource, type SseSourceOptions } from './sse-source';
export { WEBSOCKET_CURSOR_PARAM, WebSocketSource, type WebSocketSourceOptions } from './websocket-source';
export { POLL_CURSOR_PARAM, PollSource, type PollSourceOptions } from './poll-source';
export { MAX_OVERSIZED_REPEATS, NDJSON_CURSOR_PARAM, NdjsonSource, type NdjsonSourceOptions } from './ndjson-source';
export { IterableSource, type IterableFactory, type IterableSourceOptions } from './iterable-source';
export { createSource } from './create-source';
export { SOURCE_KINDS, type SourceKind, type SourceSpec } from './source-spec';
export { LazySource, createSourceOrReport } from './lazy-source';
export { loadSourceClass, type SourceClasses } from './load-source';
export { FailedSource } from './failed-source';
