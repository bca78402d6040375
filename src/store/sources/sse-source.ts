// Server-Sent Events through the platform EventSource.
//
// Resuming: EventSource only sends `Last-Event-ID` on its own automatic reconnects, and those use
// a fixed retry with no backoff and give up for good on HTTP errors. So on any error we close it
// and open a new one after our own backoff; a new EventSource cannot set headers, so the cursor
// travels as the query parameter `lastEventId=<cursor>`. A backend should read the header and
// that parameter alike.
import { ReconnectingSource, messageHead, oversizedReason, type Link, type Teardown } from './reconnecting-source';
import type { SourceOptions } from './source';
import { parseJson, unpackMessage, withQueryParam } from './unpack-message';

export interface SseSourceOptions extends SourceOptions {
  /**
   * Named event types (`event: name`) to read besides `message` and `response`, which are always
   * read. EventSource hands a page only the types it listens for: a message of any other type
   * never reaches the source, so name every type your backend sends.
   */
  events?: string[];
  withCredentials?: boolean;
}

/** The event types read without being named: the default one, and `event: response`. */
export const SSE_DEFAULT_EVENTS: readonly string[] = ['message', 'response'];

/** The query parameter that carries the cursor when we open a new EventSource. */
export const SSE_CURSOR_PARAM = 'lastEventId';

/**
 * Each message's `data` is one event or a JSON array of events; its `lastEventId` (the `id:`
 * field, which EventSource carries forward to later messages) is the cursor.
 */
export class SseSource extends ReconnectingSource {
  readonly kind = 'sse';
  readonly url: string;
  readonly #events: string[];
  readonly #withCredentials: boolean;

  constructor(url: string, options: SseSourceOptions = {}) {
    super(options);
    this.url = url;
    const named = Array.isArray(options.events) ? options.events.filter((name) => typeof name === 'string') : [];
    this.#events = [...new Set([...SSE_DEFAULT_EVENTS, ...named])];
    this.#withCredentials = options.withCredentials ?? false;
  }

  protected open(link: Link): Teardown {
    if (typeof EventSource === 'undefined') throw new Error('EventSource is not available here');
    const source = new EventSource(withQueryParam(this.url, SSE_CURSOR_PARAM, this.cursor), {
      withCredentials: this.#withCredentials,
    });
    const onMessage = (event: Event) => {
      if (!link.active || !(event instanceof MessageEvent)) return;
      const cursor = event.lastEventId || undefined;
      const data: unknown = event.data;
      const text = typeof data === 'string' ? data : String(data);
      // The platform already holds it; parsing it too would double the memory for nothing.
      if (text.length > this.maxMessageChars) {
        void link.malformed(messageHead(text), oversizedReason(text.length, this.maxMessageChars), cursor);
        return;
      }
      const parsed = parseJson(text);
      if (!parsed.ok) {
        void link.malformed(text, parsed.reason, cursor);
        return;
      }
      const { items } = unpackMessage(parsed.value, { envelope: false });
      void link.deliver(items, cursor);
    };
    const onOpen = () => link.opened();
    const onError = () =>
      link.failed(
        source.readyState === EventSource.CLOSED
          ? 'the event stream was refused (HTTP error or wrong content type)'
          : 'the event stream was interrupted',
      );
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    for (const name of this.#events) source.addEventListener(name, onMessage);
    return () => {
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      for (const name of this.#events) source.removeEventListener(name, onMessage);
      source.close();
    };
  }
}
