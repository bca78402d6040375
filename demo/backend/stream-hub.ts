// The open streaming responses (SSE and NDJSON) and what the demo's switches do to them. Each
// stream is pull-driven: it writes one message when the client has room and the log has news, so a
// client resuming far behind catches up as fast as it reads, and a live one gets one message per
// feed batch (about every 100 ms).
//
// Not msw's `sse()`: its resolver cannot tell when the client has gone, so a stream's timers would
// outlive it. A plain ReadableStream answers with its own `cancel`, and msw's worker passes
// `text/event-stream` bodies through uncloned, so a closed EventSource really cancels it.
import { encodeColumns } from '../../src/core/columnar-encode';
import type { EventFeed } from './event-feed';

export type StreamKind = 'sse' | 'ndjson' | 'sendgrid-sse';

/** Events per message: big enough to catch up fast, small enough to parse in one frame. */
export const MESSAGE_SIZE = 500;
/** The reconnection delay an EventSource is told to use, in ms. */
export const SSE_RETRY_MS = 1000;

interface LiveStream {
  kind: StreamKind;
  position: number;
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** Wakes a pull waiting for news. */
  wake: (() => void) | undefined;
  done: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Events as columnar batches; undefined: as the columnar switch says at each message. */
  columns: boolean | undefined;
}

const STREAM_HEADERS: Record<StreamKind, Record<string, string>> = {
  sse: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  'sendgrid-sse': { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  ndjson: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-cache' },
};

export class StreamHub {
  readonly #feed: EventFeed;
  readonly #streams = new Set<LiveStream>();
  readonly #encoder = new TextEncoder();

  constructor(feed: EventFeed) {
    this.#feed = feed;
    feed.subscribe(() => {
      for (const stream of this.#streams) stream.wake?.();
    });
  }

  get openCount(): number {
    return this.#streams.size;
  }

  /**
   * A streaming response from cursor `from`. NDJSON streams end cleanly after `endAfterMs`: msw
   * keeps a copy of every non-SSE body it answers with, so an endless one would grow forever.
   */
  open(kind: StreamKind, from: number, endAfterMs?: number, columns?: boolean): Response {
    let live: LiveStream | undefined;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          live = { kind, position: from, controller, wake: undefined, done: false, timer: undefined, columns };
          this.#streams.add(live);
          if (kind !== 'ndjson')
            controller.enqueue(this.#encoder.encode(`retry: ${SSE_RETRY_MS}\n: from cursor ${from}\n\n`));
          const stream = live;
          if (endAfterMs !== undefined) stream.timer = setTimeout(() => this.#end(stream, 'close'), endAfterMs);
        },
        pull: (controller) => this.#pull(live!, controller),
        cancel: () => this.#end(live!, 'forget'),
      },
      new CountQueuingStrategy({ highWaterMark: 4 }),
    );
    return new Response(body, { headers: STREAM_HEADERS[kind] });
  }

  /**
   * Cuts every open stream mid-way. An event stream is ended rather than errored: Chromium's
   * EventSource treats a body that errors behind a service worker as final and never
   * reconnects, while an ended stream makes it reconnect with Last-Event-ID, as it does when a
   * real connection drops. NDJSON streams break with an error.
   */
  drop(): void {
    for (const stream of [...this.#streams]) this.#end(stream, stream.kind === 'ndjson' ? 'error' : 'close');
  }

  /** Ends every open stream cleanly. */
  closeAll(): void {
    for (const stream of [...this.#streams]) this.#end(stream, 'close');
  }

  async #pull(stream: LiveStream, controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    while (!stream.done && stream.position >= this.#head(stream.kind)) {
      await new Promise<void>((resolve) => (stream.wake = resolve));
      stream.wake = undefined;
    }
    if (stream.done) return;
    controller.enqueue(this.#encoder.encode(this.#message(stream)));
  }

  #head(kind: StreamKind): number {
    // The SendGrid stream relays only what the webhook endpoint has verified.
    return kind === 'sendgrid-sse' ? this.#feed.providerReceived : this.#feed.main.length;
  }

  /** The next message from the stream's position, and the position moved past it. */
  #message(stream: LiveStream): string {
    const from = stream.position;
    if (stream.kind === 'sendgrid-sse') {
      const items = this.#feed.readProvider(from, Math.min(MESSAGE_SIZE, this.#feed.providerReceived - from));
      stream.position += items.length;
      return `id: ${stream.position}\ndata: ${JSON.stringify(items)}\n\n`;
    }
    const read = this.#feed.read(from, MESSAGE_SIZE);
    stream.position += read.length;
    const events = (stream.columns ?? this.#feed.switches.columnar) ? encodeColumns(read) : read;
    if (stream.kind === 'ndjson') return `${JSON.stringify({ cursor: String(stream.position), events })}\n`;
    return `id: ${stream.position}\ndata: ${JSON.stringify(events)}\n\n`;
  }

  #end(stream: LiveStream, how: 'close' | 'error' | 'forget'): void {
    if (stream.done) return;
    stream.done = true;
    this.#streams.delete(stream);
    if (stream.timer !== undefined) clearTimeout(stream.timer);
    stream.wake?.();
    try {
      if (how === 'close') stream.controller.close();
      if (how === 'error') stream.controller.error(new TypeError('email-responses demo: the connection was dropped'));
    } catch {
      // The client went away first: nothing left to end.
    }
  }
}
