// One entry point for hosts that describe their backend as data (an element property, a config
// file) rather than constructing a class.
import { FailedSource } from './failed-source';
import { IterableSource, type IterableFactory, type IterableSourceOptions } from './iterable-source';
import { NdjsonSource, type NdjsonSourceOptions } from './ndjson-source';
import { PollSource, type PollSourceOptions } from './poll-source';
import type { ResponseSource } from './source';
import { SseSource, type SseSourceOptions } from './sse-source';
import { WebSocketSource, type WebSocketSourceOptions } from './websocket-source';

export type SourceSpec =
  | ({ kind: 'sse'; url: string } & SseSourceOptions)
  | ({ kind: 'websocket'; url: string } & WebSocketSourceOptions)
  | ({ kind: 'poll'; url: string } & PollSourceOptions)
  | ({ kind: 'ndjson'; url: string } & NdjsonSourceOptions)
  | ({ kind: 'iterable'; factory: IterableFactory } & IterableSourceOptions);

/** The kinds a host names with a URL (an element's `stream-kind`); 'iterable' takes a factory. */
export type SourceKind = Exclude<SourceSpec['kind'], 'iterable'>;

export const SOURCE_KINDS: readonly SourceKind[] = ['sse', 'websocket', 'poll', 'ndjson'];

/**
 * Builds the source a spec describes. A spec that names no known kind, or lacks its url or
 * factory, is a mistake in the host's configuration rather than in the stream, so it throws a
 * TypeError that says what to pass; nothing here throws once a source exists.
 */
export function createSource(spec: SourceSpec): ResponseSource {
  const given = spec as { kind?: unknown; url?: unknown; factory?: unknown };
  if (given.kind === 'iterable') {
    if (typeof given.factory !== 'function') {
      throw new TypeError('email-responses: an iterable source needs `factory: (cursor) => AsyncIterable`.');
    }
  } else if (typeof given.url !== 'string' || given.url === '') {
    throw new TypeError(`email-responses: a ${String(given.kind)} source needs a \`url\` string.`);
  }
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
      throw new TypeError(
        `email-responses: unknown source kind ${JSON.stringify(given.kind)}; use one of ${SOURCE_KINDS.join(', ')} or iterable.`,
      );
  }
}

/**
 * `createSource` for a spec read from attributes or a config file: never throws. A spec it cannot
 * build gives a source whose status is `closed` with the reason as its error, so the mistake
 * reaches the host (`connection-change`) and the user (the views' "live updates stopped").
 */
export function createSourceOrReport(spec: SourceSpec): ResponseSource {
  try {
    return createSource(spec);
  } catch (error) {
    const kind = typeof (spec as { kind?: unknown }).kind === 'string' ? (spec as { kind: string }).kind : 'unknown';
    return new FailedSource(kind, error instanceof Error ? error.message : String(error));
  }
}
