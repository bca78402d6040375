// What a host describes its backend with (an element's attributes, a config file), and the
// check that a description can be built: shared by `createSource`, which builds at once, and
// `createSourceOrReport`, which loads the source's class when it starts (lazy-source.ts).
import type { IterableFactory, IterableSourceOptions } from './iterable-source';
import type { NdjsonSourceOptions } from './ndjson-source';
import type { PollSourceOptions } from './poll-source';
import type { SseSourceOptions } from './sse-source';
import type { WebSocketSourceOptions } from './websocket-source';

export type SourceSpec =
  | ({ kind: 'sse'; url: string } & SseSourceOptions)
  | ({ kind: 'websocket'; url: string } & WebSocketSourceOptions)
  | ({ kind: 'poll'; url: string } & PollSourceOptions)
  | ({ kind: 'ndjson'; url: string } & NdjsonSourceOptions)
  | ({ kind: 'iterable'; factory: IterableFactory } & IterableSourceOptions);

/** The kinds a host names with a URL (an element's `stream-kind`); 'iterable' takes a factory. */
export type SourceKind = Exclude<SourceSpec['kind'], 'iterable'>;

export const SOURCE_KINDS: readonly SourceKind[] = ['sse', 'websocket', 'poll', 'ndjson'];

/** Throws the TypeError that says what to pass, for a spec no source can be made from. */
export function checkSpec(spec: SourceSpec): void {
  const given = spec as { kind?: unknown; url?: unknown; factory?: unknown };
  if (given.kind === 'iterable') {
    if (typeof given.factory !== 'function') {
      throw new TypeError('email-responses: an iterable source needs `factory: (cursor) => AsyncIterable`.');
    }
  } else if (typeof given.url !== 'string' || given.url === '') {
    throw new TypeError(`email-responses: a ${String(given.kind)} source needs a \`url\` string.`);
  }
  if (given.kind !== 'iterable' && !SOURCE_KINDS.includes(given.kind as SourceKind)) unknownKind(spec);
}

export function unknownKind(spec: SourceSpec): never {
  const kind = (spec as { kind?: unknown }).kind;
  throw new TypeError(
    `email-responses: unknown source kind ${JSON.stringify(kind)}; use one of ${SOURCE_KINDS.join(', ')} or iterable.`,
  );
}
