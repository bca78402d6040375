// Any async iterable as a source: a host's own client, a replay of a recorded stream, a worker
// port wrapped in a generator. Each value is one event, an array of events, a columnar batch, or
// `{ cursor, events }` (events as a list or one columnar batch). When the iterable throws (or
// ends, unless `reconnectOnEnd` is false) the factory is called again after the backoff with the
// last committed cursor.
import { ReconnectingSource, errorText, type Link, type Teardown } from './reconnecting-source';
import type { SourceOptions } from './source';
import { unpackMessage } from './unpack-message';

export type IterableFactory = (cursor?: string) => AsyncIterable<unknown>;

export interface IterableSourceOptions extends SourceOptions {
  /** Call the factory again when an iterable finishes (default true, as for a dropped stream). */
  reconnectOnEnd?: boolean;
}

export class IterableSource extends ReconnectingSource {
  readonly kind = 'iterable';
  readonly #factory: IterableFactory;
  readonly #reconnectOnEnd: boolean;

  constructor(factory: IterableFactory, options: IterableSourceOptions = {}) {
    super(options);
    this.#factory = factory;
    this.#reconnectOnEnd = options.reconnectOnEnd ?? true;
  }

  protected open(link: Link): Teardown {
    let iterator: AsyncIterator<unknown> | undefined;
    const consume = async (): Promise<void> => {
      iterator = this.#factory(this.cursor)[Symbol.asyncIterator]();
      for (;;) {
        const result = await iterator.next();
        if (!link.active) return;
        if (result.done) break;
        // Live only once a value arrives: a factory that fails at once must not reset the backoff.
        link.opened();
        const { items, cursor } = unpackMessage(result.value);
        await link.deliver(items, cursor);
      }
      if (!link.active) return;
      if (this.#reconnectOnEnd) link.failed('the iterable ended');
      // Deferred so the stop does not run inside the link that is still being consumed.
      else queueMicrotask(() => link.active && this.stop());
    };
    consume().catch((error: unknown) => link.failed(`the iterable threw: ${errorText(error)}`));
    return () => {
      // Lets a generator run its finally blocks (close its connection); its answer is not needed.
      iterator?.return?.().catch(() => {});
    };
  }
}
