// Newline-delimited JSON over one long fetch. Each line is one event, an array of events, or
// `{ "cursor": "...", "events": [...] }`; a single event with an `id` moves the cursor to that id
// when no cursor is given. When the stream ends or breaks, the next request carries
// `cursor=<cursor>`. A line the stream broke in the middle of is dropped, never parsed: the
// next request starts after the last complete line, so it arrives again whole.
import { createLineSplitter } from './line-splitter';
import { ReconnectingSource, errorText, type Link, type Teardown } from './reconnecting-source';
import type { SourceOptions } from './source';
import { parseJson, unpackMessage, withQueryParam } from './unpack-message';

export interface NdjsonSourceOptions extends SourceOptions {
  /** Extra request options (headers, credentials, method and body for a POST stream). */
  init?: Omit<RequestInit, 'signal'>;
}

export const NDJSON_CURSOR_PARAM = 'cursor';

export class NdjsonSource extends ReconnectingSource {
  readonly kind = 'ndjson';
  readonly url: string;
  readonly #init: NdjsonSourceOptions['init'];

  constructor(url: string, options: NdjsonSourceOptions = {}) {
    super(options);
    this.url = url;
    this.#init = options.init;
  }

  protected open(link: Link): Teardown {
    const abort = new AbortController();
    this.#read(link, abort.signal).then(
      () => link.failed('the stream ended'),
      (error: unknown) => link.failed(`the stream broke: ${errorText(error)}`),
    );
    return () => abort.abort();
  }

  async #read(link: Link, signal: AbortSignal): Promise<void> {
    const headers = new Headers(this.#init?.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/x-ndjson');
    const response = await fetch(withQueryParam(this.url, NDJSON_CURSOR_PARAM, this.cursor), {
      ...this.#init,
      headers,
      signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (!response.body) throw new Error('the response has no body');
    link.opened();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const splitter = createLineSplitter();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || !link.active) break;
        for (const line of splitter.push(value)) await this.#line(link, line);
      }
      // Only a stream that ended cleanly has a last line without a newline worth reading.
      for (const line of splitter.flush()) await this.#line(link, line);
    } finally {
      reader.releaseLock();
    }
  }

  /** Awaiting each delivery is the backpressure: a slow store slows the reading. */
  async #line(link: Link, line: string): Promise<void> {
    if (!link.active || line.trim() === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok) return link.malformed(line, parsed.reason);
    const { items, cursor } = unpackMessage(parsed.value, { idAsCursor: true });
    return link.deliver(items, cursor);
  }
}
