/**
 * What a hydrate reports: to the caller (`HydrateResult`) and to the cache's own ledger
 * (`HydrateOutcome`), and the error that makes the caller hydrate again.
 */
import type { ResponseRules } from '../../core/catalogue';
import type { ResponseEvent } from '../../core/event';
import type { FoldRecord } from './cache-schema';
import type { EventPage } from './event-pages';

/** Where `hydrate` puts the cached events: the store's EventLog. */
export interface HydrateLog {
  add(event: ResponseEvent, row: number, at: number): void;
}

export interface HydrateProgress {
  /** Rows in the state so far. */
  rows: number;
  /** Cached events read so far. */
  events: number;
  /**
   * Every cached row is in the state, and found by its recipient id (their index is built once
   * they have painted: a report before it may already hold them all): the views can show them
   * all, sorted and filtered. The
   * events (the ids that dedupe a replay, the log behind a timeline) are read after, in idle time.
   * Without rows to restore (none cached, or folded under other rules) it comes with `done`.
   */
  rowsDone: boolean;
  /**
   * Everything cached is in the state: every row, the ids of every cached event (so one
   * redelivered counts once), the events past the last compaction applied.
   */
  done: boolean;
  /**
   * Every cached event is in the log too (timelines, refolds). Comes with `done` when the events
   * rebuilt the rows or their ids; else after it, once the events folded into the row pages are
   * read in idle time: the last call.
   */
  logged: boolean;
}

export interface HydrateResult {
  /** The cursor each source kind had reached with the events cached (resume from these). */
  cursors: Record<string, string>;
  /** The rules last saved with `saveRules`, when any. */
  rules: ResponseRules | undefined;
  /** Events held for rules still on their way when the page was last open (see `saveHeld`). */
  held: unknown[];
  /** The rules version the cached rows were folded under; undefined when no rows were cached. */
  rulesVersion: string | undefined;
  /** True when cached rows could not be used as they are and the cached events were folded again. */
  refolded: boolean;
  /** Rows in the state after hydrating. */
  recipients: number;
  /** Cached events read. */
  events: number;
  /** Records skipped because they did not have the shape this code writes. */
  corrupted: number;
  /**
   * Event records among them: their events are gone, and with them the ids that let a replay
   * count once and the cursor's promise that they were had. The caller should start over.
   */
  eventRecordsLost: number;
  /**
   * The cache failed part-way (see `onUnavailable`): the state holds part of the cache and some
   * events are not remembered, so a replay could count them twice. Start from a fresh state.
   */
  partial: boolean;
  /**
   * Another tab rewrote the cache while this one read it (a compaction): the state holds a mix
   * that could count events twice. Hydrate again into a fresh state.
   */
  changedWhileRead: boolean;
  /** Milliseconds from the call to the first rows in the state, to every row, and to the end. */
  firstRowsMs: number;
  rowsMs: number;
  totalMs: number;
}

/** What the cache itself learns while hydrating. */
export interface HydrateOutcome {
  result: HydrateResult;
  /** Event records smaller than a full page, to merge at the next compaction. */
  smallRecords: { key: number; page: EventPage }[];
  corruptEventKeys: number[];
  /** The row pages no longer match the state's slots: rewrite them all at the next compaction. */
  rewriteAll: boolean;
  /** Cached rows exist but could not be used as they are: worth compacting soon. */
  staleRows: boolean;
  /** Rows changed by events applied here (they are in the log but not in the row pages). */
  replayedRows: number[];
  /** Records (and their events) past the watermark: what the next compaction folds in. */
  tailRecords: number;
  tailEvents: number;
  /** The fold record as read (the same first and last), undefined when there was none or it was damaged. */
  fold: FoldRecord | undefined;
  /** One past the last event record's key, as listed after the store knew whether it writes. */
  nextKey: number;
  /** Resolves once every cached event is in the log (see `HydrateProgress.logged`); never rejects. */
  logged: Promise<void>;
}

/** A result for a hydrate that read nothing: no cache, or one that failed or changed. */
export function nothingHydrated(recipients: number): HydrateResult {
  return {
    cursors: {},
    rules: undefined,
    held: [],
    rulesVersion: undefined,
    refolded: false,
    recipients,
    events: 0,
    corrupted: 0,
    eventRecordsLost: 0,
    partial: false,
    changedWhileRead: false,
    firstRowsMs: 0,
    rowsMs: 0,
    totalMs: 0,
  };
}

/** Thrown when the cache changed between hydrate's reads: hydrate again into a fresh state. */
export class CacheChangedError extends Error {
  constructor() {
    super('another tab rewrote the cache while it was read');
  }
}
