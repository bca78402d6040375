// Each transport is code that only a page using it runs, so a source made from a description
// (an element's `stream-kind`) loads its class on demand, as a chunk of its own: a page on SSE
// never fetches the WebSocket, poll or NDJSON code. `createSource` still builds them at once.
import type { IterableSource } from './iterable-source';
import type { NdjsonSource } from './ndjson-source';
import type { PollSource } from './poll-source';
import type { SseSource } from './sse-source';
import type { WebSocketSource } from './websocket-source';

/** The class behind each kind of source. */
export interface SourceClasses {
  sse: typeof SseSource;
  websocket: typeof WebSocketSource;
  poll: typeof PollSource;
  ndjson: typeof NdjsonSource;
  iterable: typeof IterableSource;
}

/** The class of a source kind, loaded when first wanted (then from the module cache). */
export function loadSourceClass<K extends keyof SourceClasses>(kind: K): Promise<SourceClasses[K]> {
  const loading: { [Kind in keyof SourceClasses]: () => Promise<SourceClasses[Kind]> } = {
    sse: () => import('./sse-source').then((m) => m.SseSource),
    websocket: () => import('./websocket-source').then((m) => m.WebSocketSource),
    poll: () => import('./poll-source').then((m) => m.PollSource),
    ndjson: () => import('./ndjson-source').then((m) => m.NdjsonSource),
    iterable: () => import('./iterable-source').then((m) => m.IterableSource),
  };
  return loading[kind]();
}
