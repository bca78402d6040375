/**
 * The few lines between a webhook endpoint and the elements: verified events go into a log, and
 * every open Server-Sent Events response streams them as the store's SseSource reads them
 * (`id:` the cursor after the message, `data:` a JSON array of events). A client resuming with
 * Last-Event-ID (or `?lastEventId=`) gets what it missed; repeats are harmless, as each event
 * counts once by its id.
 *
 * In memory and for one process: enough for a single server or a Durable Object. A backend with
 * several processes keeps its events in its database and serves the stream from there.
 */
import type { ResponseEvent } from '../core/event';

export interface EventRelay {
  /** Adds verified events and wakes every open stream. */
  publish(events: readonly ResponseEvent[]): void;
  /** A `text/event-stream` response from the cursor the request asks for. */
  stream(request: Request): Response;
  /** The cursor after the newest event. */
  readonly cursor: number;
}

export interface EventRelayOptions {
  /** Events kept for resuming clients; older ones are dropped (default 100,000). */
  keep?: number;
  /** Events per message (default 500). */
  messageSize?: number;
}

export function createEventRelay(options: EventRelayOptions = {}): EventRelay {
  const keep = Math.max(1, options.keep ?? 100_000);
  const messageSize = Math.max(1, options.messageSize ?? 500);
  let log: ResponseEvent[] = [];
  /** The cursor of log[0]: events before it were dropped. */
  let base = 0;
  const waiting = new Set<() => void>();
  const encoder = new TextEncoder();

  return {
    get cursor() {
      return base + log.length;
    },
    publish(events) {
      if (events.length === 0) return;
      log.push(...events);
      if (log.length > keep) {
        base += log.length - keep;
        log = log.slice(log.length - keep);
      }
      for (const wake of waiting) wake();
      waiting.clear();
    },
    stream(request) {
      const url = new URL(request.url);
      const asked = Number(request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? 0);
      // A cursor from before a restart (beyond the log) starts again: ids make repeats harmless.
      let cursor =
        Number.isSafeInteger(asked) && asked >= 0 && asked <= base + log.length ? Math.max(asked, base) : base;
      let wake: (() => void) | undefined;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => controller.enqueue(encoder.encode(`retry: 1000\n: from cursor ${cursor}\n\n`)),
        pull: async (controller) => {
          while (cursor >= base + log.length) await new Promise<void>((resolve) => waiting.add((wake = resolve)));
          cursor = Math.max(cursor, base);
          const batch = log.slice(cursor - base, cursor - base + messageSize);
          cursor += batch.length;
          controller.enqueue(encoder.encode(`id: ${cursor}\ndata: ${JSON.stringify(batch)}\n\n`));
        },
        cancel: () => {
          if (wake) waiting.delete(wake);
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
    },
  };
}
