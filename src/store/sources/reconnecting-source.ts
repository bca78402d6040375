// What every live source shares: the status machine, backoff between connections, offline
// waiting, ordered deliveries and the cursor they commit. A subclass only opens one connection
// and reports what happens on it through a `Link`; everything else lives here once.
import { backoffDelay } from './backoff';
import { DeliveryQueue } from './delivery-queue';
import { isOffline, watchNetwork } from './network-status';
import {
  DEFAULT_HEALTHY_AFTER_MS,
  DEFAULT_MAX_MESSAGE_CHARS,
  DEFAULT_SKIPPED_FACTOR,
  type ConnectionStatus,
  type ResponseSource,
  type SourceOptions,
  type SourceSink,
} from './source';
import { transformItems } from './transform-items';

/** One connection's view of its source. Every call is ignored once the connection is over. */
export interface Link {
  /** False once this connection was ended, replaced or stopped: stop reading. */
  readonly active: boolean;
  /** The connection is open or answered: the state becomes `live`. */
  opened(): void;
  /** Queues a batch; resolves once the sink took it and the cursor is committed (or it was dropped). */
  deliver(items: unknown[], cursor?: string): Promise<void>;
  /** Queues a report of a message that could not be parsed; a cursor given is committed after it. */
  malformed(raw: string, reason: string, cursor?: string): Promise<void>;
  /** The connection failed or ended: it is torn down and another follows after the backoff. */
  failed(error: string): void;
  /**
   * An oversized message is being read and thrown away, `chars` of it so far (status `skipping`);
   * undefined once it ended (status `live` again).
   */
  skipping(chars: number | undefined): void;
}

export type Teardown = () => void;

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message || error.name : String(error);

const positiveOr = (value: number | undefined, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

/** The start of an oversized message, enough for a person to recognize it in a report. */
export const messageHead = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** The reason a message longer than the cap is skipped. */
export const oversizedReason = (length: number, max: number): string =>
  `a message of ${length >= max ? `more than ${max.toLocaleString('en')}` : length.toLocaleString('en')} characters is longer than maxMessageChars (${max.toLocaleString('en')}); skipped`;

export abstract class ReconnectingSource implements ResponseSource {
  abstract readonly kind: string;
  protected readonly options: SourceOptions;
  #sink: SourceSink | undefined;
  #cursor: string | undefined;
  #status: ConnectionStatus = { state: 'idle', attempt: 0 };
  #attempt = 0;
  // Bumped by start and stop: async work that began in an earlier run sees the change and drops.
  #run = 0;
  #endLink: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unwatch: (() => void) | undefined;
  #queue = new DeliveryQueue();

  constructor(options: SourceOptions = {}) {
    this.options = options;
  }

  get status(): ConnectionStatus {
    return { ...this.#status, cursor: this.#cursor };
  }

  /** The longest message this source reads (`maxMessageChars`). */
  protected get maxMessageChars(): number {
    return positiveOr(this.options.maxMessageChars, DEFAULT_MAX_MESSAGE_CHARS);
  }

  /** How much of one oversized message is thrown away before the connection is dropped. */
  protected get maxSkippedChars(): number {
    return positiveOr(this.options.maxSkippedChars, DEFAULT_SKIPPED_FACTOR * this.maxMessageChars);
  }

  /** The last cursor the sink accepted: where the next connection resumes. */
  protected get cursor(): string | undefined {
    return this.#cursor;
  }

  /** Opens one connection. Returns what closes it; it must not call the link after that. */
  protected abstract open(link: Link): Teardown | void;

  start(sink: SourceSink, cursor?: string): void {
    if (this.#sink) this.stop();
    this.#sink = sink;
    this.#cursor = cursor;
    this.#attempt = 0;
    this.#queue = new DeliveryQueue();
    const run = ++this.#run;
    if (this.options.watchNetwork !== false) {
      this.#unwatch = watchNetwork(
        () => this.#goOffline(run),
        () => this.#backOnline(run),
      );
    }
    this.#connect(run);
  }

  stop(): void {
    this.#halt(undefined);
  }

  /**
   * Stops for good, with the reason as the closed status's error, when connecting again could
   * only repeat what went wrong. Deferred, so it never runs inside the connection it ends.
   */
  protected giveUp(error: string): void {
    const run = this.#run;
    queueMicrotask(() => run === this.#run && this.#halt(error));
  }

  #halt(error: string | undefined): void {
    if (!this.#sink) return;
    this.#run += 1;
    this.#clearTimer();
    this.#endLink?.();
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#setStatus(
      error === undefined
        ? { state: 'closed', attempt: this.#attempt }
        : { state: 'closed', attempt: this.#attempt, error },
    );
    this.#sink = undefined;
  }

  #connect(run: number): void {
    if (run !== this.#run) return;
    if (this.options.watchNetwork !== false && isOffline()) return this.#waitOnline();
    // The next connection resumes from the cursor of the last batch, so let queued ones commit.
    if (!this.#queue.idle) {
      void this.#queue.drained().then(() => this.#status.state !== 'offline' && this.#connect(run));
      return;
    }
    this.#setStatus({ state: 'connecting', attempt: this.#attempt });
    this.#openLink(run);
  }

  #openLink(run: number): void {
    let alive = true;
    let poisoned = false;
    let teardown: Teardown | void = undefined;
    let healthyTimer: ReturnType<typeof setTimeout> | undefined;
    const current = () => alive && run === this.#run;
    // Only a connection that delivered, or stayed open a while, starts the backoff over: one that
    // opens and drops at once would otherwise reconnect at the first step forever.
    const healthy = () => {
      if (healthyTimer !== undefined) clearTimeout(healthyTimer);
      healthyTimer = undefined;
      if (current()) this.#attempt = 0;
    };
    const end = () => {
      if (!alive) return;
      alive = false;
      if (healthyTimer !== undefined) clearTimeout(healthyTimer);
      healthyTimer = undefined;
      if (this.#endLink === end) this.#endLink = undefined;
      this.#safely(teardown);
    };
    const link: Link = {
      get active() {
        return current();
      },
      opened: () => {
        if (!current() || this.#status.state === 'live') return;
        healthyTimer = setTimeout(healthy, positiveOr(this.options.healthyAfterMs, DEFAULT_HEALTHY_AFTER_MS));
        this.#setStatus({ state: 'live', attempt: 0 });
      },
      deliver: (items, cursor) =>
        this.#queue.run(async () => {
          if (run !== this.#run || poisoned) return;
          const out = transformItems(items, this.options.transform, (raw, reason) =>
            this.#safely(() => this.#sink?.malformed(raw, reason)),
          );
          if (out.length === 0 && cursor === undefined) return;
          try {
            await this.#sink?.deliver(out, cursor);
          } catch (error) {
            // Not taken: drop what this connection queued after it and resume from the last
            // committed cursor, so nothing is skipped. No newer connection exists yet: every
            // connection waits for this queue to drain before it opens.
            poisoned = true;
            link.failed(`the store did not take a batch: ${errorText(error)}`);
            return;
          }
          if (run === this.#run && cursor !== undefined) this.#cursor = cursor;
          healthy();
        }),
      malformed: (raw, reason, cursor) =>
        this.#queue.run(() => {
          if (run !== this.#run || poisoned) return;
          this.#safely(() => this.#sink?.malformed(raw, reason));
          if (cursor !== undefined) this.#cursor = cursor;
        }),
      failed: (error) => {
        if (!current()) return;
        end();
        this.#retry(run, error);
      },
      skipping: (chars) => {
        const state = this.#status.state;
        if (!current() || (state !== 'live' && state !== 'skipping')) return;
        if (chars === undefined) {
          if (state === 'skipping') this.#setStatus({ state: 'live', attempt: 0 });
        } else this.#setStatus({ state: 'skipping', attempt: 0, skippedChars: chars });
      },
    };
    this.#endLink = end;
    try {
      teardown = this.open(link);
    } catch (error) {
      link.failed(errorText(error));
    }
    if (!alive) this.#safely(teardown);
  }

  #retry(run: number, error: string): void {
    if (run !== this.#run) return;
    if (this.options.watchNetwork !== false && isOffline()) return this.#waitOnline();
    this.#attempt += 1;
    const retryInMs = backoffDelay(this.#attempt, this.options.backoff, this.options.random);
    this.#setStatus({ state: 'retrying', attempt: this.#attempt, retryInMs, error });
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#connect(run);
    }, retryInMs);
  }

  #goOffline(run: number): void {
    if (run !== this.#run || this.#status.state === 'offline') return;
    this.#endLink?.();
    this.#waitOnline();
  }

  #waitOnline(): void {
    this.#clearTimer();
    this.#setStatus({ state: 'offline', attempt: this.#attempt, error: 'the browser is offline' });
  }

  #backOnline(run: number): void {
    if (run === this.#run && this.#status.state === 'offline') this.#connect(run);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #setStatus(status: ConnectionStatus): void {
    this.#status = status;
    const sink = this.#sink;
    this.#safely(() => sink?.status({ ...status, cursor: this.#cursor }));
  }

  // The sink and the transports are other people's code: nothing they throw may escape into
  // a timer or an event handler where no one would see it.
  #safely(fn: (() => void) | void): void {
    try {
      fn?.();
    } catch {
      /* reported through status or malformed where it matters */
    }
  }
}
