// Newline-delimited JSON over one long fetch. Each line is one event, an array of events, or
// `{ "cursor": "...", "events": [...] }`; a single event with an `id` moves the cursor to that id
// when no cursor is given. When the stream ends or breaks, the next request carries
// `cursor=<cursor>`. A line the stream broke in the middle of is dropped, never parsed: the
// next request starts after the last complete line, so it arrives again whole.
//
// A line longer than `maxMessageChars` is never held: it is reported once (as it crosses the cap)
// and dropped as it arrives, and reading goes on after its line break, where the next line's
// cursor moves past it. A stream that breaks inside it sends it again from the same cursor; after
// MAX_OVERSIZED_REPEATS connections that met it at the same cursor the source stops and says why,
// rather than download it forever. While such a line is thrown away the status is `skipping`
// (with the characters dropped so far), not `live`; a line still without an end after
// `maxSkippedChars` drops the connection, which counts as one meeting.
import { createLineSplitter, type OversizedLine } from './line-splitter';
import { ReconnectingSource, errorText, oversizedReason, type Link, type Teardown } from './reconnecting-source';
import type { SourceOptions } from './source';
import { parseJson, unpackMessage, withQueryParam } from './unpack-message';

export interface NdjsonSourceOptions extends SourceOptions {
  /** Extra request options (headers, credentials, method and body for a POST stream). */
  init?: Omit<RequestInit, 'signal'>;
}

export const NDJSON_CURSOR_PARAM = 'cursor';

/** Connections that may meet the same oversized line at the same cursor before the source stops. */
export const MAX_OVERSIZED_REPEATS = 3;

export class NdjsonSource extends ReconnectingSource {
  readonly kind = 'ndjson';
  readonly url: string;
  readonly #init: NdjsonSourceOptions['init'];
  /**
   * The oversized lines met after the committed cursor: the n-th such line after it, and on how
   * many connections. Forgotten once the cursor moves past them.
   */
  #oversized: { cursor: string | undefined; times: number[] } = { cursor: undefined, times: [] };

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
    const splitter = createLineSplitter(this.maxMessageChars);
    // Which oversized line after the cursor this connection is at.
    const place = { cursor: this.cursor, n: 0 };
    // The skipped characters last said in the status: it is told at most once per step of them.
    let told = 0;
    const step = Math.min(this.maxMessageChars, 1 << 20);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || !link.active) break;
        for (const line of splitter.push(value)) await this.#line(link, line, place);
        const skipped = splitter.skipped;
        if (skipped === 0) {
          if (told > 0) link.skipping(undefined);
          told = 0;
        } else if (skipped > this.maxSkippedChars) {
          const limit = this.maxSkippedChars.toLocaleString('en');
          return link.failed(
            `a line has not ended after more than ${limit} characters (maxSkippedChars); connecting again from cursor ${this.cursor ?? '(start)'}`,
          );
        } else if (told === 0 || skipped - told >= step) {
          told = skipped;
          link.skipping(skipped);
        }
      }
      // Only a stream that ended cleanly has a last line without a newline worth reading.
      for (const line of splitter.flush()) await this.#line(link, line, place);
    } finally {
      reader.releaseLock();
    }
  }

  /** Awaiting each delivery is the backpressure: a slow store slows the reading. */
  async #line(
    link: Link,
    line: string | OversizedLine,
    place: { cursor: string | undefined; n: number },
  ): Promise<void> {
    if (!link.active) return;
    if (typeof line !== 'string') return this.#tooLong(link, line, place);
    if (line.trim() === '') return;
    const parsed = parseJson(line);
    if (!parsed.ok) return link.malformed(line, parsed.reason);
    const { items, cursor } = unpackMessage(parsed.value, { idAsCursor: true });
    return link.deliver(items, cursor);
  }

  /** Reported once per line; the same line met on every connection stops the source. */
  async #tooLong(link: Link, line: OversizedLine, place: { cursor: string | undefined; n: number }): Promise<void> {
    const cursor = this.cursor;
    if (place.cursor !== cursor) {
      place.cursor = cursor;
      place.n = 0;
    }
    if (this.#oversized.cursor !== cursor) this.#oversized = { cursor, times: [] };
    const n = place.n++;
    const times = (this.#oversized.times[n] ?? 0) + 1;
    this.#oversized.times[n] = times;
    if (times === 1) await link.malformed(line.head, oversizedReason(line.length, this.maxMessageChars));
    if (times >= MAX_OVERSIZED_REPEATS) {
      this.giveUp(
        `the stream sent a line longer than maxMessageChars (${this.maxMessageChars.toLocaleString('en')} characters) after cursor ${cursor ?? '(start)'} on ${MAX_OVERSIZED_REPEATS} connections; stopped rather than download it again`,
      );
    }
  }
}
