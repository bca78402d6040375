/**
 * What the database holds, as its one writer tracks it (so a write never has to read first): the
 * fold record and its watermark, the event records not yet merged, the rows changed since their
 * pages were saved; and the writes that keep all of that true.
 */
import { EventIdSet } from '../../core/event-id-set';
import type { ResponseState } from '../../core/fold';
import { written, type CacheWriteTransaction, type FoldRecord } from './cache-schema';
import { mergeEventPages, packEventPage, type CachedEvent, type EventPage } from './event-pages';
import type { HydrateOutcome } from './hydrate-result';
import { firstPageRows, sameLayout } from './page-layout';
import { encodeRowPage } from './row-page-format';
import { snapshotAllRows, snapshotRows } from './row-snapshot';

/** What one write did, for `onFlush`. */
export interface WriteCounts {
  events: number;
  cursors: number;
  rowPages: number;
  /** Event records written (one per flush, or the merged pages of a compaction). */
  eventRecords: number;
  /** Event records deleted (merged into larger ones, or damaged). */
  removedRecords: number;
  compacted: boolean;
}

/**
 * Past this many unfolded events a compaction is due and saves the rows: a reload replays them
 * all. Before that, one due by its record count merges the event records only (see `compact`).
 */
const SAVE_ROWS_AFTER_EVENTS = 50_000;

export class CacheLedger {
  private fold: FoldRecord;
  private nextKey: number;
  /** The state row pages are saved from, and its rows changed since the last compaction. */
  private tracked: ResponseState | undefined;
  private readonly dirty = new Set<number>();
  private rewriteAll = true;
  /**
   * Rows are saved only from a state that holds every cached event: one hydrated from the cache,
   * or any when the database was empty. Before a hydrate, or after `clear`, they are not.
   */
  private rowsBlocked: boolean;
  /** Event records smaller than a page, with their contents: merged at the next compaction. */
  private small: { key: number; page: EventPage }[] = [];
  private corruptKeys: number[] = [];
  private tailRecords = 0;
  private tailEvents = 0;
  private compactDue = false;

  constructor(
    fold: FoldRecord,
    nextKey: number,
    private readonly pageSize: number,
    private readonly eventPageSize: number,
    private readonly compactAfter: number,
    private readonly saveRowsAfter = SAVE_ROWS_AFTER_EVENTS,
  ) {
    this.fold = fold;
    this.nextKey = nextKey;
    this.rowsBlocked = nextKey > 0;
  }

  /** The state was just hydrated: its rows now match the pages (or all must be rewritten). */
  hydrated(state: ResponseState, outcome: HydrateOutcome): void {
    this.tracked = state;
    this.rowsBlocked = false;
    this.rewriteAll = outcome.rewriteAll;
    for (const row of outcome.replayedRows) this.dirty.add(row);
    this.small = outcome.smallRecords;
    this.corruptKeys.push(...outcome.corruptEventKeys);
    this.tailRecords = outcome.tailRecords;
    this.tailEvents = outcome.tailEvents;
    this.compactDue = outcome.staleRows;
    // Opened before the store knew whether it writes, the database may have changed since: a
    // writer before this one compacted or added records, read now (they are in the state). The
    // next record goes after them, not over them.
    this.fold = outcome.fold ?? { rulesVersion: null, watermark: -1, pageSize: this.pageSize };
    this.nextKey = Math.max(this.nextKey, outcome.nextKey);
  }

  /** Rows of recorded events. Rows of another state than the tracked one stop row saving. */
  touched(events: readonly { event: CachedEvent['event']; row: number }[], rows: readonly number[]): void {
    const first = events[0];
    // The store swapped its state without `compact(state)`: never save pages from a state that
    // lacks events the log has; the next `compact(state)` rewrites every page.
    if (first && this.tracked && this.tracked.rowOf(first.event.emailId, first.event.recipientId) !== first.row) {
      this.tracked = undefined;
      this.rewriteAll = true;
    }
    for (const { row } of events) this.dirty.add(row);
    for (const row of rows) this.dirty.add(row);
  }

  /** Rows changed without events (a snapshot): the next write compacts, saving their pages. */
  rowsChangedAlone(): void {
    this.compactDue = true;
  }

  /** Save rows from this state from now on (a new state: every page is rewritten). */
  follow(state: ResponseState): void {
    if (state === this.tracked || this.rowsBlocked) return;
    this.tracked = state;
    this.rewriteAll = true;
  }

  /**
   * Another tab wrote the database while this one only read it (it led, then left): take its
   * watermark and next record key, so nothing of its is overwritten. Records this tab never read
   * are not merged; the next compaction rewrites every page from the state, which holds them all.
   */
  resync(fold: FoldRecord, nextKey: number): void {
    this.fold = fold;
    this.nextKey = Math.max(this.nextKey, nextKey);
    this.small = [];
    this.tailRecords = this.tailEvents = 0;
    this.rewriteAll = true;
  }

  /** The database was emptied: nothing is folded, and the current state's rows are never saved. */
  cleared(): void {
    this.small = [];
    this.corruptKeys = [];
    this.dirty.clear();
    this.tailRecords = this.tailEvents = 0;
    this.tracked = undefined;
    this.rowsBlocked = true;
    this.fold = { rulesVersion: null, watermark: -1, pageSize: this.pageSize };
  }

  /** Event records found damaged after the hydrate's outcome: the next write deletes them. */
  damaged(keys: readonly number[]): void {
    this.corruptKeys.push(...keys);
  }

  get hasCorruptRecords(): boolean {
    return this.corruptKeys.length > 0;
  }

  /** Whether a write that appends `appending` more records should also compact. */
  compactionDue(appending: boolean): boolean {
    const rowsDue = this.tracked !== undefined && !this.rowsBlocked && this.#eventsDue();
    return rowsDue || this.tailRecords + (appending ? 1 : 0) >= this.compactAfter;
  }

  /** Rows changed without events, or `saveRowsAfter` events past the last save: the rows are due. */
  #eventsDue(): boolean {
    return this.compactDue || this.tailEvents >= this.saveRowsAfter;
  }

  /** The saved pages cannot be kept as they are for this state: every page is written again. */
  #stale(state: ResponseState): boolean {
    return this.rewriteAll || this.fold.rulesVersion !== state.rules.version || !sameLayout(this.fold, this.pageSize);
  }

  /** Appends these events as a record, and drops damaged records found while hydrating. */
  append(tx: CacheWriteTransaction, events: readonly CachedEvent[], counts: WriteCounts): void {
    const store = tx.objectStore('events');
    // One record per flush; a flush larger than a page (a snapshot loaded at once) takes several.
    for (let start = 0; start < events.length; start += this.eventPageSize) {
      const page = packEventPage(events.slice(start, start + this.eventPageSize));
      const key = this.nextKey++;
      written(store.put(page, key));
      if (page.ids.length < this.eventPageSize) this.small.push({ key, page });
      counts.eventRecords++;
      this.tailRecords++;
    }
    this.tailEvents += events.length;
    for (const key of this.corruptKeys.splice(0)) {
      written(store.delete(key));
      counts.removedRecords++;
    }
  }

  /**
   * Rows, then the watermark: after this transaction every event up to the newest record is in the
   * row pages. Without a state to save from, only records past the watermark are merged (merging
   * across it would make folded events look unfolded, and a reload would count them twice).
   */
  compact(tx: CacheWriteTransaction, counts: WriteCounts, saveRows = true): void {
    counts.compacted = true;
    const tracked = this.rowsBlocked ? undefined : this.tracked;
    // A compaction due by its record count saves the rows only when they are due or stale: with
    // pages of 65,536 rows a sparse stream over a million cached rows dirties them all, and packing
    // and encoding every page each 32 flushes took 0.8 s of the page's main thread (Node). Pages
    // hashed under other seeds stay readable under their own (the fold record keeps them) until then.
    const state = tracked && (saveRows || this.#eventsDue() || this.#stale(tracked)) ? tracked : undefined;
    const merging = state ? this.small : this.small.filter((record) => record.key > this.fold.watermark);
    const keep = state ? [] : this.small.filter((record) => record.key <= this.fold.watermark);
    const seeds = state && EventIdSet.of(state.recipients).seeds;
    if (state) {
      // Pages keep their ids' hashes: pages hashed under other seeds (or none) cannot be kept.
      const all = this.#stale(state) || !sameSeeds(this.fold.idSeeds, seeds);
      const snapshot = all ? snapshotAllRows(state, this.pageSize) : snapshotRows(state, this.dirty, this.pageSize);
      const rows = tx.objectStore('rows');
      const emails = tx.objectStore('emails');
      if (all) {
        written(rows.clear());
        written(emails.clear());
      }
      for (const page of snapshot.pages) written(rows.put(encodeRowPage(page)));
      for (const email of snapshot.emails) written(emails.put(email));
      counts.rowPages = snapshot.pages.length;
      this.dirty.clear();
      this.rewriteAll = false;
      this.compactDue = false;
    }
    if (merging.length > 1) {
      const store = tx.objectStore('events');
      for (const record of merging) written(store.delete(record.key));
      counts.removedRecords += merging.length;
      const merged = mergeEventPages(
        merging.map((record) => record.page),
        this.eventPageSize,
      ).map((page) => ({ key: this.nextKey++, page }));
      for (const record of merged) written(store.put(record.page, record.key));
      counts.eventRecords += merged.length;
      this.small = [...keep, ...merged];
      this.tailRecords = merged.length;
    }
    this.small = this.small.filter((record) => record.page.ids.length < this.eventPageSize);
    if (state) {
      this.fold = {
        rulesVersion: state.rules.version,
        watermark: this.nextKey - 1,
        pageSize: this.pageSize,
        firstPage: firstPageRows(this.pageSize),
      };
      if (seeds) this.fold.idSeeds = seeds;
      this.fold.rows = state.recipients.size;
      written(tx.objectStore('fold').put(this.fold, 'fold'));
      this.tailRecords = this.tailEvents = 0;
    }
  }
}

function sameSeeds(saved: readonly number[] | undefined, current: readonly number[] | undefined): boolean {
  return saved !== undefined && current !== undefined && saved[0] === current[0] && saved[1] === current[1];
}
