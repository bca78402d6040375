/**
 * The store's side of its live source: which source runs, the sink it delivers to, the cursor
 * each source kind has reached, and where in the event log each recent cursor was reached.
 */
import type { ResponseEvent } from '../core/event';
import type { EventLog } from './event-log';
import type { ConnectionStatus, ResponseSource, SourceSink } from './sources/source';

/** What the store does with what a source delivers. */
export interface SourceLinkHost {
  /** Validates and applies delivered items; returns the events accepted (to relay to other tabs). */
  apply(items: unknown[]): ResponseEvent[];
  /** The events of one delivery were applied and `cursor` (if any) reached and remembered. */
  delivered(kind: string, accepted: ResponseEvent[], cursor: string | undefined): void;
  /** A message that could not be parsed at all. */
  malformed(raw: string, reason: string): void;
  /** The running source's state changed (or the source was disconnected: `closed`). */
  status(status: ConnectionStatus): void;
}

const IDLE: ConnectionStatus = { state: 'idle', attempt: 0 };

/** Snapshots are about recent cursors; an older one falls back to "covers everything". */
const CURSOR_POSITIONS_KEPT = 10_000;

export class SourceLink {
  /** The source the host asked for; it runs only while this tab may lead. */
  #wanted: ResponseSource | undefined;
  #running: ResponseSource | undefined;
  #connectionStatus: ConnectionStatus = IDLE;
  /** While retrying: when (Date.now() time) the source tries again, for a countdown. */
  #retryAt: number | undefined;
  readonly #cursors = new Map<string, string>();
  /** Where in the log each recent cursor was reached, so a snapshot knows what came after it. */
  readonly #cursorPositions = new Map<string, number>();
  /** The last delivery waiting (see `holdUntil`), or undefined when deliveries apply at once. */
  #waiting: Promise<void> | undefined;
  /** The store closed (`close`): no source runs again. */
  #closed = false;

  constructor(
    private readonly log: EventLog,
    private readonly host: SourceLinkHost,
  ) {}

  get status(): ConnectionStatus {
    return this.#connectionStatus;
  }

  /** When the running source connects again (ms since the epoch), while it waits to retry. */
  get nextRetryAt(): number | undefined {
    return this.#retryAt;
  }

  /**
   * Ends the wait before the next connection: the running source restarts at once from the last
   * cursor. Only while retrying (a live or connecting source has nothing to hurry); false otherwise.
   */
  retryNow(): boolean {
    const source = this.#running;
    if (!source || this.#connectionStatus.state !== 'retrying') return false;
    const attempt = this.#connectionStatus.attempt;
    // Its `closed` on stop is not news: the source is back at once.
    this.#running = undefined;
    source.stop();
    this.#running = source;
    this.#setStatus({ state: 'connecting', attempt });
    source.start(this.#sinkFor(source), this.#cursors.get(source.kind));
    return true;
  }

  /** Stops the source before and wants this one; it runs from `start`. Not once closed. */
  want(source: ResponseSource): void {
    this.disconnect();
    if (!this.#closed) this.#wanted = source;
  }

  /** Runs the wanted source, if it is not running yet, from the last cursor of its kind. */
  start(): void {
    const source = this.#wanted;
    if (!source || this.#running === source) return;
    this.#running = source;
    source.start(this.#sinkFor(source), this.#cursors.get(source.kind));
  }

  disconnect(): void {
    const stopped = this.#running ?? this.#wanted;
    this.#running?.stop();
    this.#running = undefined;
    this.#wanted = undefined;
    if (stopped) this.#setStatus({ state: 'closed', attempt: 0 });
  }

  /**
   * The store closed: the source stops for good and the status says `closed` from now on, told
   * once (a store with no source said `idle` until then, so a view could not say it was closed).
   */
  close(): void {
    this.#closed = true;
    this.disconnect();
    if (this.#connectionStatus.state !== 'closed') this.#setStatus({ state: 'closed', attempt: 0 });
  }

  cursor(kind: string): string | undefined {
    return this.#cursors.get(kind);
  }

  /** Every source kind's cursor, for a tab that just joined. */
  allCursors(): [string, string][] {
    return [...this.#cursors];
  }

  /** Cursors the leading tab reached. */
  heard(cursors: Iterable<readonly [string, string]>): void {
    for (const [kind, cursor] of cursors) this.#cursors.set(kind, cursor);
  }

  /** Cursors saved with the cached events: kept unless a newer one was heard while reading. */
  restore(cursors: Readonly<Record<string, string>>): void {
    for (const [kind, cursor] of Object.entries(cursors)) if (!this.#cursors.has(kind)) this.#cursors.set(kind, cursor);
  }

  /** The log position at which `cursor` was reached, when it is recent. */
  positionOf(cursor: string): number | undefined {
    return this.#cursorPositions.get(cursor);
  }

  /**
   * Deliveries wait until `ready` settles, then apply in the order they came: a store without a
   * cache runs its source at once while its ingest code loads (issue 14). The source awaits each
   * delivery before it commits its cursor, as it always did.
   */
  holdUntil(ready: Promise<unknown>): void {
    this.#waitBehind(ready.then(() => undefined));
  }

  /** `delivery` is the last to wait; one that throws does not hold up those after it. */
  #waitBehind(delivery: Promise<void>): Promise<void> {
    const settled = (this.#waiting = delivery.catch(() => undefined));
    void settled.then(() => {
      if (this.#waiting === settled) this.#waiting = undefined;
    });
    return delivery;
  }

  #deliver(source: ResponseSource, items: unknown[], cursor: string | undefined): void {
    if (this.#running !== source) return;
    const accepted = this.host.apply(items);
    if (cursor !== undefined) {
      this.#cursors.set(source.kind, cursor);
      this.#rememberPosition(cursor);
    }
    this.host.delivered(source.kind, accepted, cursor);
  }

  #sinkFor(source: ResponseSource): SourceSink {
    return {
      deliver: (items, cursor) => {
        if (this.#running !== source) return;
        if (!this.#waiting) return this.#deliver(source, items, cursor);
        return this.#waitBehind(this.#waiting.then(() => this.#deliver(source, items, cursor)));
      },
      malformed: (raw, reason) => this.host.malformed(raw, reason),
      status: (status) => {
        if (this.#running === source) this.#setStatus(status);
      },
    };
  }

  #setStatus(status: ConnectionStatus): void {
    this.#connectionStatus = status;
    this.#retryAt = status.state === 'retrying' ? Date.now() + (status.retryInMs ?? 0) : undefined;
    this.host.status(status);
  }

  #rememberPosition(cursor: string): void {
    this.#cursorPositions.set(cursor, this.log.length);
    if (this.#cursorPositions.size > CURSOR_POSITIONS_KEPT)
      this.#cursorPositions.delete(this.#cursorPositions.keys().next().value!);
  }
}
