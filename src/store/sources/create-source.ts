// One entry point for hosts that describe their backend as data (an element property, a config
// file) rather than constructing a class. It builds at once, so it carries every transport;
// `createSourceOrReport` (lazy-source.ts) loads only the one a page uses.
import { IterableSource } from './iterable-source';
import { NdjsonSource } from './ndjson-source';
import { PollSource } from './poll-source';
import type { ResponseSource } from './source';
import { checkSpec, unknownKind, type SourceSpec } from './source-spec';
import { SseSource } from './sse-source';
import { WebSocketSource } from './websocket-source';

export { SOURCE_KINDS, type SourceKind, type SourceSpec } from './source-spec';
export { createSourceOrReport } from './lazy-source';

/**
 * Builds the source a spec describes. A spec that names no known kind, or lacks its url or
 * factory, is a mistake in the host's configuration rather than in the stream, so it throws a
 * TypeError that says what to pass; nothing here throws once a source exists.
 */
export function createSource(spec: SourceSpec): ResponseSource {
  checkSpec(spec);
  switch (spec.kind) {
    case 'sse':
      return new SseSource(spec.url, spec);
    case 'websocket':
      return new WebSocketSource(spec.url, spec);
    case 'poll':
      return new PollSource(spec.url, spec);
    case 'ndjson':
      return new NdjsonSource(spec.url, spec);
    case 'iterable':
      return new IterableSource(spec.factory, spec);
    default:
      return unknownKind(spec);
  }
}
