// Polling: `GET url?cursor=<cursor>` (no parameter before the first cursor) answered with
// `{ "events": [...], "cursor": "...", "more": true? }`. While `more` is true the next page is
// fetched at once; otherwise after `intervalMs`. HTTP errors and bad JSON retry with backoff.
// Pages that say `more` but carry no events wait by the backoff schedule, growing while they
// last: a backend that walks an empty range one cursor at a time is not asked a thousand times.
import { backoffDelay } from './backoff';
import {
  ReconnectingSource,
  errorText,
  messageHead,
  oversizedReason,
  type Link,
  type Teardown,
} from './reconnecting-source';
import type { SourceOptions } from './source';
import { isColumnarBatch } from '../../core/columnar-batch';
import { cursorOf, parseJson, withQueryParam } from './unpack-message';

export interface PollSourceOptions extends SourceOptions {
  /** The pause between polls when the backend has nothing more (default 5000). */
  intervalMs?: number;
  /** Extra request options (headers, credentials). The source owns `method` and `signal`. */
  init?: Omit<RequestInit, 'signal' | 'method' | 'body'>;
}

export const POLL_CURSOR_PARAM = 'cursor';

interface PollPage {
  events: unknown[];
  cursor: string | undefined;
  more: boolean;
}

function readPage(value: unknown): PollPage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const body = value as Record<string, unknown>;
  // `events` may be one columnar batch (docs/wire-format.md): the store unpacks it.
  const events = isColumnarBatch(body.events) ? [body.events] : body.events;
  if (!Array.isArray(events)) return undefined;
  return { events, cursor: cursorOf(body.cursor), more: body.more === true };
}

export class PollSource extends ReconnectingSource {
  readonly kind = 'poll';
  readonly url: string;
  readonly intervalMs: number;
  readonly #init: PollSourceOptions['init'];

  constructor(url: string, options: PollSourceOptions = {}) {
    super(options);
    this.url = url;
    const interval = options.intervalMs;
    this.intervalMs = typeof interval === 'number' && Number.isFinite(interval) && interval >= 0 ? interval : 5000;
    this.#init = options.init;
  }

  protected open(link: Link): Teardown {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let emptyPages = 0;
    const poll = async (): Promise<void> => {
      timer = undefined;
      const before = this.cursor;
      const page = await this.#fetchPage(link, abort.signal);
      if (!page || !link.active) return;
      link.opened();
      await link.deliver(page.events, page.cursor);
      if (!link.active) return;
      // `more` without a new cursor would ask for the same page forever: wait instead.
      const again = page.more && this.cursor !== before;
      emptyPages = again && page.events.length === 0 ? emptyPages + 1 : 0;
      const wait = !again
        ? this.intervalMs
        : emptyPages === 0
          ? 0
          : backoffDelay(emptyPages, this.options.backoff, this.options.random);
      timer = setTimeout(() => void poll(), wait);
    };
    void poll();
    return () => {
      abort.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }

  /** One page, or undefined after reporting why there is none. */
  async #fetchPage(link: Link, signal: AbortSignal): Promise<PollPage | undefined> {
    let text: string;
    try {
      const headers = new Headers(this.#init?.headers);
      if (!headers.has('accept')) headers.set('accept', 'application/json');
      const response = await fetch(withQueryParam(this.url, POLL_CURSOR_PARAM, this.cursor), {
        ...this.#init,
        headers,
        method: 'GET',
        signal,
      });
      if (!response.ok) {
        link.failed(`the poll answered HTTP ${response.status}`);
        return undefined;
      }
      text = await response.text();
    } catch (error) {
      link.failed(`the poll failed: ${errorText(error)}`);
      return undefined;
    }
    if (text.length > this.maxMessageChars) {
      const reason = oversizedReason(text.length, this.maxMessageChars);
      void link.malformed(messageHead(text), reason);
      link.failed(`the poll answer was too long: ${reason}`);
      return undefined;
    }
    const parsed = parseJson(text);
    const page = parsed.ok ? readPage(parsed.value) : undefined;
    if (!page) {
      const reason = parsed.ok ? 'expected { "events": [...], "cursor": "..." }' : parsed.reason;
      void link.malformed(text, reason);
      link.failed(`the poll answer was malformed: ${reason}`);
    }
    return page;
  }
}
