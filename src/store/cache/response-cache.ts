/**
 * The store's IndexedDB copy: what was applied paints first on the next visit, before any network,
 * and a reconnect resumes from the cursor saved with the events it covers.
 */
import { unwrap } from 'idb';
import type { ResponseRules } from '../../core/catalogue';
import type { ResponseEvent } from '../../core/event';
import type { ResponseState } from '../../core/fold';
import { CacheLedger, type WriteCounts } from './cache-ledger';
import {
  ALL_STORES,
  isCorrectionRecord,
  isFoldRecord,
  written,
  type CacheDatabase,
  type CacheWriteTransaction,
  type CorrectionRecord,
  type FoldRecord,
} from './cache-schema';
import { REASONS, reasonFor } from './failure-reasons';
import type { FirstRead } from './first-read';
import { hydrateState } from './hydrate';
import { RepeatedRowsError } from './row-restore';

/** The default `pageSize`. */
export const ROWS_PER_PAGE = 65_536;
import {
  CacheChangedError,
  nothingHydrated,
  type HydrateLog,
  type HydrateProgress,
  type HydrateResult,
} from './hydrate-result';

export interface ResponseCacheOptions {
  /** Database name; one per store that should keep its own copy. Default `email-responses`. */
  name?: string;
  /** Milliseconds between a `record` and the write that stores it (100-250 suits). Default 150. */
  flushMs?: number;
  /**
   * Recipients per row page. Default 65,536: a cold start reads a million rows as 16 records, not
   * 1,000 (IndexedDB and structured clone cost per record and per object; issue 16). A cache
   * written with another size is read as it is and rewritten at the next write.
   */
  pageSize?: number;
  /** Events per record once compacted. Default 5,000. */
  eventPageSize?: number;
  /** Compact after this many flushes since the last compaction. Default 32. */
  compactAfter?: number;
  /**
   * A compaction saves the row pages a stream changed only once this many events are past the
   * last save (or when `compact(state)` is called). Default 50,000: with 65,536-row pages a sparse
   * stream dirties every page, and saving them all every 32 flushes packed and encoded a million
   * rows (0.8 s in Node) every few seconds of streaming; a reload replays the events since instead.
   */
  saveRowsAfter?: number;
  /** The IndexedDB to use; the global one by default. Present but undefined: there is none. */
  indexedDB?: IDBFactory;
  /**
   * The cache cannot be used, or just stopped being usable, and why (a sentence to show). Called
   * at most once; from then on the cache writes nothing and everything stays in memory.
   */
  onUnavailable?: (reason: string) => void;
  /**
   * @internal The database's open, asked for while the cache's code loaded (cache-writer.ts):
   * its connection is used when still open at this schema version, else the database opens again.
   */
  opened?: IDBOpenDBRequest;
  /** A flush committed. */
  onFlush?: (stats: FlushStats) => void;
}

/** What one committed flush wrote: always one transaction. */
export interface FlushStats extends WriteCounts {
  /** From the flush starting to its commit. */
  ms: number;
}

/** An event as `ResponseState.apply` accepted it: `onAccepted(event, row, at)`. */
export interface RecordedEvent {
  event: ResponseEvent;
  row: number;
  at: number;
}

/**
 * Use `openResponseCache` to get one. Never throws into the caller and never changes the state
 * except inside `hydrate`: when IndexedDB fails (quota, another tab deleting or upgrading the
 * database, the browser closing it) the cache reports once through `onUnavailable` and stops.
 *
 * One tab writes a database at a time (the tab leader); several writers would interleave records.
 */
export class ResponseCache {
  private db: CacheDatabase | undefined;
  private readonly options: ResponseCacheOptions;
  private readonly pageSize: number;
  private readonly eventPageSize: number;
  private readonly ledger: CacheLedger;
  private savedRules: ResponseRules | undefined;
  private pending: RecordedEvent[] = [];
  private readonly pendingCursors = new Map<string, string>();
  private pendingRules: ResponseRules | undefined;
  private heldRead: unknown[] = [];
  private pendingHeld: unknown[] | undefined;
  private readonly pendingCorrections = new Map<string, CorrectionRecord>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastWrite: Promise<void> = Promise.resolve();
  private logging: Promise<void> = Promise.resolve();
  /** Read as the cache opened, for the first `hydrate` (a later one reads the cache as it is then). */
  private firstRead: FirstRead | undefined;
  /** The cached rows repeat a recipient: the next `hydrate` folds them from the events instead. */
  private rowsDamaged = false;

  /** @internal Use `openResponseCache`. */
  constructor(
    db: CacheDatabase,
    options: ResponseCacheOptions,
    fold: FoldRecord,
    nextKey: number,
    rules: ResponseRules | undefined,
    first?: FirstRead,
  ) {
    this.firstRead = first;
    this.db = db;
    this.options = options;
    this.pageSize = options.pageSize ?? ROWS_PER_PAGE;
    this.eventPageSize = options.eventPageSize ?? 5000;
    this.ledger = new CacheLedger(
      fold,
      nextKey,
      this.pageSize,
      this.eventPageSize,
      options.compactAfter ?? 32,
      options.saveRowsAfter,
    );
    this.savedRules = rules;
    const raw = unwrap(db);
    // Another tab upgrading or deleting the database waits for this connection: let go at once.
    raw.onversionchange = (event) => this.fail(event.newVersion === null ? REASONS.deleted : REASONS.upgradedElsewhere);
    raw.onclose = () => this.fail(REASONS.terminated);
  }

  /** False once the cache has failed or closed: nothing more is read or written. */
  get available(): boolean {
    return this.db !== undefined;
  }

  /** The rules last saved (this visit or an earlier one), to fold under before any network. */
  get rules(): ResponseRules | undefined {
    return this.savedRules;
  }

  /** Events held for rules on their way when the page was last open, as `hydrate` read them. */
  get held(): readonly unknown[] {
    return this.heldRead;
  }

  /**
   * Queues the events held for rules still on their way (all of them; an empty list once they
   * were applied or rejected). Written with the cursors of the same delivery, so a reload before
   * the rules answer holds them again instead of resuming past them.
   */
  saveHeld(events: readonly unknown[]): void {
    if (!this.db) return;
    this.pendingHeld = [...events];
    this.schedule();
  }

  /**
   * Restores the cache into `state`, which must be empty, and `log`: rows first (`onProgress` after
   * the first pages, so a view can paint), with the ids of the events folded into them (so a
   * replay counts once), then the events past the last compaction. The events folded into the
   * rows reach `log` after, in idle time (`logged`), unless the rows needed them. When the rows
   * were folded under other rules than `state.rules` (or the state is not empty), no row is
   * restored: the cached events are applied instead and the state is right under its own rules.
   * If the result says `partial`, the cache failed part-way: drop the state. Call it before
   * connecting a source, and start the source from `result.cursors`.
   *
   * `rest`: the first rows are read and painted at once, the rest once it resolves. A store
   * sharing the cache passes the moment it knows whether it writes it: a writer before it may
   * still be writing until then, and what is read after is the cache as that writer left it.
   */
  async hydrate(
    state: ResponseState,
    log: HydrateLog,
    onProgress?: (progress: HydrateProgress) => void,
    rest?: Promise<unknown>,
  ): Promise<HydrateResult> {
    const before = [state.recipients.size, state.eventCount];
    const nothing = nothingHydrated(state.recipients.size);
    if (!this.db) return nothing;
    try {
      const first = this.firstRead;
      this.firstRead = undefined;
      const outcome = await hydrateState(
        this.db,
        state,
        log,
        this.pageSize,
        this.eventPageSize,
        onProgress,
        rest,
        first,
        this.rowsDamaged,
      );
      this.ledger.hydrated(state, outcome);
      const lostBefore = outcome.corruptEventKeys.length;
      this.logging = outcome.logged.then(() => {
        // Records found damaged once the state was whole cost timelines their events only (the
        // pages hold their ids): deleted by the next write, as those found before.
        const later = outcome.corruptEventKeys.slice(lostBefore);
        if (later.length === 0 || !this.db) return;
        this.ledger.damaged(later);
        this.schedule();
      });
      this.savedRules = outcome.result.rules ?? this.savedRules;
      this.heldRead = outcome.result.held;
      return outcome.result;
    } catch (error) {
      const partial = state.recipients.size !== before[0] || state.eventCount !== before[1];
      if (error instanceof CacheChangedError) return { ...nothing, partial, changedWhileRead: true };
      // Read again from nothing, the rows refolded from the events (the next compaction rewrites them).
      if (error instanceof RepeatedRowsError) {
        this.rowsDamaged = true;
        return { ...nothing, partial, changedWhileRead: true, corrupted: 1 };
      }
      this.fail(reasonFor(error));
      return { ...nothing, partial };
    }
  }

  /**
   * Resolves once the last `hydrate` has put every cached event in its log. `hydrate` resolves
   * as soon as the state is whole: when the row pages held every row and its event ids, the
   * events folded into them are read after, in idle time, for the log alone. Never rejects.
   */
  get logged(): Promise<void> {
    return this.logging;
  }

  /**
   * Queues events just applied (call in the same task as `apply`, with what `onAccepted` heard)
   * and optionally the rows `apply` reported and cursors reached. Written by the next flush.
   */
  record(
    events: readonly RecordedEvent[],
    changedRows: readonly number[] = [],
    cursors?: Readonly<Record<string, string>>,
  ): void {
    if (!this.db) return;
    this.ledger.touched(events, changedRows);
    // Rows changed with no event (a snapshot reset): their pages are the change's only record, so
    // they are written at the next flush, not at a compaction 32 flushes away.
    if (events.length === 0 && changedRows.length > 0) this.ledger.rowsChangedAlone();
    for (const recorded of events) this.pending.push(recorded);
    if (cursors) for (const kind of Object.keys(cursors)) this.pendingCursors.set(kind, cursors[kind]!);
    this.schedule();
  }

  /** Queues a correction (a snapshot's rows, a settled id conflict; see cache-schema.ts), by key. */
  saveCorrection(key: string, record: CorrectionRecord): void {
    if (!this.db) return;
    this.pendingCorrections.set(key, record);
    this.schedule();
  }

  /** The corrections kept (after `hydrate`); a damaged one is left out. */
  async readCorrections(): Promise<CorrectionRecord[]> {
    const db = this.db;
    if (!db) return [];
    try {
      return (await db.getAll('corrections')).filter(isCorrectionRecord);
    } catch (error) {
      this.fail(reasonFor(error));
      return [];
    }
  }

  /** Queues a source's cursor: written in the same transaction as the events recorded before it. */
  saveCursor(kind: string, cursor: string): void {
    if (!this.db) return;
    this.pendingCursors.set(kind, cursor);
    this.schedule();
  }

  /** Queues the rules the host adopted, so the next visit can fold under them before any network. */
  saveRules(rules: ResponseRules): void {
    if (!this.db) return;
    this.savedRules = rules;
    this.pendingRules = rules;
    this.schedule();
  }

  /**
   * Re-reads what another tab wrote while this one followed (call when this tab takes the lead,
   * before recording): its watermark and last record key.
   */
  async resync(): Promise<void> {
    const db = this.db;
    if (!db || !this.available) return;
    try {
      const tx = db.transaction(['fold', 'events'], 'readonly');
      const [fold, last] = await Promise.all([
        tx.objectStore('fold').get('fold'),
        tx.objectStore('events').openKeyCursor(null, 'prev'),
      ]);
      const foldRecord = isFoldRecord(fold) ? fold : { rulesVersion: null, watermark: -1, pageSize: this.pageSize };
      this.ledger.resync(foldRecord, Number(last?.key ?? -1) + 1);
    } catch (error) {
      this.fail(reasonFor(error));
    }
  }

  /** Writes what is queued now, in one transaction. Resolves when it and every earlier one committed. */
  flush(): Promise<void> {
    return this.write(false);
  }

  /**
   * Saves the changed row pages from `state` and merges small event records, with what is queued,
   * in one transaction. Call it in the same task as replacing the store's state (new rules): the
   * pages are then all rewritten from the new state.
   */
  compact(state?: ResponseState): Promise<void> {
    if (state) this.ledger.follow(state);
    return this.write(true);
  }

  /** Empties the database (pending writes are dropped). The current state's rows are not saved again. */
  clear(): Promise<void> {
    if (!this.db) return this.lastWrite;
    this.cancelTimer();
    this.pending = [];
    this.pendingCursors.clear();
    this.pendingRules = undefined;
    this.pendingHeld = undefined;
    this.pendingCorrections.clear();
    this.ledger.cleared();
    return this.transact((tx) => {
      for (const store of ALL_STORES) written(tx.objectStore(store).clear());
      return { events: 0, cursors: 0, rowPages: 0, eventRecords: 0, removedRecords: 0, compacted: false };
    });
  }

  /** Writes what is queued and closes the database. */
  async close(): Promise<void> {
    await this.flush();
    this.cancelTimer();
    const db = this.db;
    this.db = undefined;
    db?.close();
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => void this.write(false), this.options.flushMs ?? 150);
  }

  private cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private write(forceCompact: boolean): Promise<void> {
    this.cancelTimer();
    const compact = forceCompact || this.ledger.compactionDue(this.pending.length > 0);
    const idle =
      this.pending.length === 0 &&
      this.pendingCursors.size === 0 &&
      this.pendingRules === undefined &&
      this.pendingHeld === undefined &&
      this.pendingCorrections.size === 0 &&
      !this.ledger.hasCorruptRecords;
    if (!this.db || (idle && !compact)) return this.lastWrite;
    const events = this.pending;
    this.pending = [];
    return this.transact((tx) => {
      const counts: WriteCounts = {
        events: events.length,
        cursors: this.pendingCursors.size,
        rowPages: 0,
        eventRecords: 0,
        removedRecords: 0,
        compacted: false,
      };
      this.ledger.append(tx, events, counts);
      const cursors = tx.objectStore('cursors');
      for (const [kind, cursor] of this.pendingCursors) written(cursors.put(cursor, kind));
      this.pendingCursors.clear();
      const rules = this.pendingRules;
      if (rules) written(tx.objectStore('rules').put({ version: rules.version, rules }, 'rules'));
      this.pendingRules = undefined;
      const held = this.pendingHeld;
      if (held) {
        const store = tx.objectStore('rules');
        written(held.length > 0 ? store.put({ held }, 'held') : store.delete('held'));
      }
      this.pendingHeld = undefined;
      const corrections = tx.objectStore('corrections');
      for (const [key, record] of this.pendingCorrections) written(corrections.put(record, key));
      this.pendingCorrections.clear();
      // Only `compact(state)` saves the rows whenever it runs; a due compaction, when they are due.
      if (compact) this.ledger.compact(tx, counts, forceCompact);
      return counts;
    });
  }

  /** One readwrite transaction with relaxed durability: a lost flush is replayed from its cursor. */
  private transact(build: (tx: CacheWriteTransaction) => WriteCounts): Promise<void> {
    const db = this.db;
    if (!db) return this.lastWrite;
    const started = performance.now();
    let tx: CacheWriteTransaction | undefined;
    try {
      tx = db.transaction(ALL_STORES, 'readwrite', { durability: 'relaxed' });
      // Reported by `onabort` below, with the reason the transaction gives.
      written(tx.done);
      const counts = build(tx);
      const committed = tx;
      this.lastWrite = new Promise<void>((resolve) => {
        committed.oncomplete = () => {
          resolve();
          try {
            this.options.onFlush?.({ ...counts, ms: performance.now() - started });
          } catch (error) {
            console.error('email-responses: onFlush threw', error);
          }
        };
        committed.onabort = () => {
          this.fail(reasonFor(committed.error));
          resolve();
        };
      });
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted: nothing was written either way.
      }
      this.fail(reasonFor(error));
    }
    return this.lastWrite;
  }

  /** Stops for good: reported once, the connection closed, the queue dropped (memory still has it). */
  private fail(reason: string): void {
    const db = this.db;
    if (!db) return;
    this.db = undefined;
    this.cancelTimer();
    this.pending = [];
    db.close();
    try {
      this.options.onUnavailable?.(reason);
    } catch (error) {
      console.error('email-responses: onUnavailable threw', error);
    }
  }
}
