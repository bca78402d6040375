/**
 * A cache is one writer's. Stores of a page's tabs that name the same cache (without `tabs`, which
 * elects a leader of its own) take a Web Lock on the cache's name: the store holding it alone
 * writes. Each record key is a counter the writer keeps, so two writers would write over each
 * other's records (a reload restored 500 of 1,000 events).
 *
 * What a store that does not hold the lock applies itself (from `ingest` or its own source) it
 * posts on the cache's BroadcastChannel. Every store applies what it hears (events dedupe by id),
 * so whichever store holds the lock next has it in its log, and writes its log from where its
 * last write ended when it takes the lock: nothing a tab applied is left out of the cache.
 * Snapshot rows a store kept (`loadSnapshot`) go the same way, so a reload resets them again.
 */

import type { KeptSnapshotRow } from './snapshot-resets';

/** What stores naming one cache say to each other. */
export type CacheMessage =
  /** Events a store applied and could not write; `seq` counts its messages. */
  | { type: 'applied'; from: string; seq: number; events: unknown[] }
  /** Snapshot rows a store kept and could not write; numbered with its `applied` messages. */
  | { type: 'snapshot-rows'; from: string; seq: number; rows: KeptSnapshotRow[] }
  /** The writer has `applied` message `seq` of store `to` in its cache's queue. */
  | { type: 'taken'; from: string; to: string; seq: number };

export interface CacheLockHandlers {
  /**
   * This store holds the cache now: write what it has not written. `beforeRead`: it held the
   * cache before reading it, so no other store wrote after the read (nothing to learn again).
   */
  hold(beforeRead: boolean): void;
  /**
   * Events another store applied: apply them here (they dedupe). Resolves true when the sender
   * may stop caring: they are in this store's cache queue (or its backlog, written as it takes the
   * lead), or this store's cache failed (no tab can write it); false while this store closes.
   */
  receive(events: unknown[]): Promise<boolean>;
  /** Snapshot rows another store kept: keep and reset them here, and save them; resolves as `receive`. */
  receiveSnapshotRows?(rows: KeptSnapshotRow[]): Promise<boolean>;
}

export class CacheLock {
  private readonly id = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | undefined;
  private release: (() => void) | undefined;
  private abort: AbortController | undefined;
  private holding = false;
  private stopped = false;
  /** `applied` messages posted, and the last one the writer took: a closing store waits for the rest. */
  private posted = 0;
  private taken = 0;
  private settle: (() => void) | undefined;

  constructor(
    private readonly name: string,
    private readonly handlers: CacheLockHandlers,
  ) {}

  /** Whether this store may write the cache now. */
  get holds(): boolean {
    return this.holding;
  }

  /**
   * Asks for the cache; resolves once this store knows whether it holds it now (read the cache
   * after that). Without Web Locks or BroadcastChannel there is no other tab to share it with,
   * and without IndexedDB (Node) nothing to write: this store holds it at once.
   */
  start(): Promise<void> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks || typeof BroadcastChannel === 'undefined' || typeof indexedDB === 'undefined') {
      this.take(true);
      return Promise.resolve();
    }
    const key = `email-responses:cache:${this.name}`;
    this.channel = new BroadcastChannel(key);
    this.channel.onmessage = (message: MessageEvent<CacheMessage>) => this.hear(message.data);
    // Free (the usual case, one tab): held from before the read, so the read is all there is.
    return new Promise<void>((decided) => {
      locks
        .request(key, { ifAvailable: true }, (lock) => {
          decided();
          if (lock) return this.held(true);
          if (!this.stopped) this.wait(locks, key);
          return undefined;
        })
        .catch(() => decided());
    });
  }

  /** Events this store applied itself; the holder writes them, so a store not holding passes them on. */
  applied(events: unknown[]): void {
    if (this.holding || events.length === 0 || !this.channel) return;
    try {
      this.channel.postMessage({ type: 'applied', from: this.id, seq: this.posted + 1, events } satisfies CacheMessage);
      this.posted++;
    } catch (error) {
      // An event that cannot be cloned stays in this store's log: it is written when this store holds.
      console.warn('email-responses: could not pass events to the tab writing the cache', error);
    }
  }

  /** Snapshot rows this store kept (`loadSnapshot`); the holder saves them, so a store not holding passes them on. */
  snapshotRows(rows: KeptSnapshotRow[]): void {
    if (this.holding || rows.length === 0 || !this.channel) return;
    try {
      this.channel.postMessage({
        type: 'snapshot-rows',
        from: this.id,
        seq: this.posted + 1,
        rows,
      } satisfies CacheMessage);
      this.posted++;
    } catch (error) {
      // Kept in this store's memory: it saves them when it holds the cache (cache-writer.ts).
      console.warn('email-responses: could not pass snapshot rows to the tab writing the cache', error);
    }
  }

  /**
   * Resolves once what this store passed on is in the writer's queue, or once this store holds
   * the cache itself (and so writes its own backlog): a store closing waits for it.
   */
  settled(): Promise<void> {
    if (this.holding || this.taken >= this.posted || !this.channel) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const before = this.settle;
      this.settle = () => {
        before?.();
        resolve();
      };
    });
  }

  /** Lets the cache go: another store naming it takes it. */
  stop(): void {
    this.stopped = true;
    this.holding = false;
    this.wake();
    this.abort?.abort();
    this.release?.();
    this.release = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  /** Another store holds the cache: wait for it to let go. */
  private wait(locks: LockManager, key: string): void {
    this.abort = new AbortController();
    locks
      .request(key, { signal: this.abort.signal }, () => this.held(false))
      .catch(() => {
        // Aborted by stop() while waiting: nothing to do.
      });
  }

  /** The lock's callback: held until stop() or until the tab goes away, when the browser releases it. */
  private held(beforeRead: boolean): Promise<void> | undefined {
    if (this.stopped) return undefined;
    this.take(beforeRead);
    return new Promise<void>((resolve) => (this.release = resolve));
  }

  private take(beforeRead: boolean): void {
    this.holding = true;
    this.handlers.hold(beforeRead);
    this.wake();
  }

  private hear(message: CacheMessage | undefined): void {
    if (!message || message.from === this.id || this.stopped) return;
    if (message.type === 'applied' && Array.isArray(message.events)) {
      const { from, seq } = message;
      void this.handlers.receive(message.events).then((kept) => this.confirm(kept, from, seq));
    } else if (message.type === 'snapshot-rows' && Array.isArray(message.rows)) {
      const { from, seq } = message;
      const receive = this.handlers.receiveSnapshotRows;
      if (receive) void receive(message.rows).then((kept) => this.confirm(kept, from, seq));
    } else if (message.type === 'taken' && message.to === this.id) {
      this.taken = Math.max(this.taken, message.seq);
      if (this.taken >= this.posted) this.wake();
    }
  }

  /** The holder tells the sender its message `seq` is in the cache's queue: the sender may close. */
  private confirm(kept: boolean, to: string, seq: number): void {
    if (kept && this.holding) this.post({ type: 'taken', from: this.id, to, seq });
  }

  private wake(): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.();
  }

  private post(message: CacheMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // The channel closed as this store stopped: the other store writes its events itself.
    }
  }
}
