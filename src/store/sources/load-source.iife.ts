// The <script> build's load-source.ts. The IIFE holds every transport already (its global
// `EmailResponses` exports their classes), so a dynamic import of one would only make the bundler
// wrap each transport and what it imports in a deferred initializer (bytes on every page):
// the classes are imported here as they are, and handed over as the ES build's chunks would be.
import { IterableSource } from './iterable-source';
import type { SourceClasses } from './load-source';
import { NdjsonSource } from './ndjson-source';
import { PollSource } from './poll-source';
import { SseSource } from './sse-source';
import { WebSocketSource } from './websocket-source';

export type { SourceClasses } from './load-source';

const CLASSES: SourceClasses = {
  sse: SseSource,
  websocket: WebSocketSource,
  poll: PollSource,
  ndjson: NdjsonSource,
  iterable: IterableSource,
};

export function loadSourceClass<K extends keyof SourceClasses>(kind: K): Promise<SourceClasses[K]> {
  return Promise.resolve(CLASSES[kind]);
}
