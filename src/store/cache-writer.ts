/**
 * The store's side of its IndexedDB cache: opening it, reading it into the state (again when
 * another tab rewrote it meanwhile), and writing what the store applies, only while this tab leads.
 */
import type { ResponseRules } from '../core/catalogue';
import type { ResponseState } from '../core/fold';
import type { HydrateProgress, RecordedEvent, ResponseCache } from './cache/index';
import { snapshotKey, type CorrectionRecord } from './cache/correction-record';
import { loadCache } from './cache/load-cache';
import type { SettledConflict } from './event-conflicts';
import type { EventLog } from './event-log';
import { openEarly } from './open-early';
import type { KeptSnapshotRow } from './snapshot-resets';
import type { CacheStatus } from './store-events';

/** What the cache is read into, and how the store takes part while it is read. */
export interface HydrateTarget {
  /** The state to fill: empty until the cache is read (a new one after `restart`). */
  state(): ResponseState;
  /** The rules the cache last saved, offered before anything is read: the store decides. */
  offerRules(rules: ResponseRules): void;
  /** Events the last visit held for rules on their way (see held-events.ts): they wait again. */
  offerHeld?(events: readonly unknown[]): void;
  /** Drops what was read so far: an empty state under the same rules, and an empty log. */
  restart(): void;
  /** Some rows are in the state: let the views paint them. */
  progress(progress?: HydrateProgress): void;
  /** The cursors saved with the cached events, when the cache was read whole: resume from them. */
  resumeFrom(cursors: Readonly<Record<string, string>>): void;
  /**
   * Snapshot rows and settled id conflicts kept by the last visit, once the cache is read whole.
   * The read waits for it: restoring settled conflicts may load their code (conflict-settler.ts).
   */
  offerCorrections?(records: readonly CorrectionRecord[]): Promise<void> | void;
}

export class CacheWriter {
  // TypeScript-private, not #private: bench/pages/shared/cache-peek.ts reads it to flush the cache.
  private cache: ResponseCache | undefined;
  /** The log position up to which this tab has handed events to the cache. */
  #recordedUpTo = 0;
  /**
   * Log positions the cache's own events hold, as [start, end) pairs in order: the events folded
   * into its rows reach the log after the read, in idle time, among events applied meanwhile, so
   * `recordedUpTo` alone cannot tell them from those this tab has yet to write.
   */
  readonly #fromCache: number[] = [];
  /**
   * While `takeLead` learns where the records on disk end, nothing is written (a record would
   * take a key the other tab's records hold): what is applied meanwhile waits in the log.
   */
  #takingLead = false;
  /** Cursors reached while this tab could not write: saved with the backlog when it takes the lead. */
  readonly #unsavedCursors = new Map<string, string>();
  /** An email's snapshot rows kept while this tab could not write: saved when it takes the lead. */
  readonly #unsavedSnapshotRows = new Map<string, KeptSnapshotRow[]>();
  /** Closed (the store was closed): a cache still opening is closed once it opens. */
  #closed = false;
  /** A lead being taken: its backlog is written before the cache closes. */
  #leading: Promise<void> | undefined;
  /** Rules adopted before this tab could write: saved, and the pages rewritten, when it takes the lead. */
  #refold: { rules: ResponseRules; state: ResponseState } | undefined;

  readonly #log: EventLog;
  /** Whether this tab leads (or is alone): two writers would overwrite each other's records. */
  readonly #leads: () => boolean;
  readonly #status: (status: CacheStatus) => void;

  constructor(log: EventLog, leads: () => boolean, status: (status: CacheStatus) => void) {
    this.#log = log;
    this.#leads = leads;
    this.#status = status;
  }

  /**
   * Opens the cache named `name` and reads it into `target`. No cursor is resumed from when the
   * cache could not be trusted: the stream replays. Never rejects: a cache that cannot be used
   * leaves the store in memory, with a `memory-only` status.
   *
   * `decided`: resolves once the store knows whether it writes the cache (its lock). The first
   * rows are read and painted before (issue 16: waiting cost a cold page some 100 ms before its
   * first rows), the rest after, as the writer before this store left the cache. `opened`: the
   * database's open, asked for while this code loaded (open-early.ts).
   */
  async open(name: string, target: HydrateTarget, decided?: Promise<unknown>, opened = openEarly(name)): Promise<void> {
    this.#status({ state: 'opening' });
    let unavailable = false;
    const memoryOnly = (reason: string) => {
      unavailable = true;
      this.#status({ state: 'memory-only', reason });
    };
    try {
      // Loaded here, on demand: a store without a cache name never fetches the cache's code. The
      // database opens meanwhile, not after it (issue 16; open-early.ts).
      const { openResponseCache } = await loadCache();
      const cache = await openResponseCache({ name, onUnavailable: memoryOnly, opened });
      if (this.#closed) {
        // The store was closed while the database opened: its connection must not outlive it.
        await cache.close();
        return;
      }
      this.cache = cache;
      if (cache.rules) target.offerRules(cache.rules);
      let result = await cache.hydrate(target.state(), this.#cacheLog(), target.progress, decided);
      if (result.changedWhileRead) {
        // Another tab compacted the cache while this one read it: read it again, from nothing.
        target.restart();
        this.#fromCache.length = 0;
        result = await cache.hydrate(target.state(), this.#cacheLog(), target.progress, decided);
      }
      if (result.partial || result.eventRecordsLost > 0) {
        // Part of the cache is in the state without all its events and ids: a cursor would skip
        // what was lost and a replay would count twice. Start clean, from no cursor.
        target.restart();
        if (result.eventRecordsLost > 0) await cache.clear();
      } else {
        target.offerHeld?.(cache.held);
        await target.offerCorrections?.(await cache.readCorrections());
        target.resumeFrom(result.cursors);
      }
      this.#recordedUpTo = this.#log.length;
      if (cache.available) this.#status({ state: 'ready' });
    } catch (error) {
      if (!unavailable) memoryOnly(error instanceof Error ? error.message : String(error));
      this.cache = undefined;
    }
  }

  /** Events just applied (in the task that applied them) and the rows they changed. */
  recordApplied(events: readonly RecordedEvent[], changedRows: readonly number[]): void {
    const cache = this.#writable();
    if (!cache || events.length === 0) return;
    cache.record(events, changedRows);
    this.#recordedUpTo = this.#log.length;
  }

  /** Rows a snapshot reset: their saved pages are stale; the events behind the server's state are not ours. */
  recordReset(rows: readonly number[]): void {
    if (rows.length > 0) this.#writable()?.record([], rows);
  }

  /** Id conflicts settled (see conflict-settler.ts), each under its key: a reload keeps the same copies. */
  saveConflicts(settled: readonly (readonly [key: string, record: SettledConflict])[]): void {
    const cache = this.#writable();
    for (const [key, record] of settled) cache?.saveCorrection(key, record);
  }

  /** An email's kept snapshot rows, all of them (see snapshot-resets.ts): a reload resets them again. */
  saveSnapshotRows(emailId: string, rows: KeptSnapshotRow[]): void {
    // `rows` is the caller's fresh list: copying it cost a 1M snapshot 0.2 s (issue 16).
    const cache = this.#writable();
    if (cache) cache.saveCorrection(snapshotKey(emailId), { snapshotRows: rows });
    else this.#unsavedSnapshotRows.set(emailId, rows);
  }

  /** Events held for the rules (all of them), written with the cursors of the same delivery. */
  saveHeld(events: readonly unknown[]): void {
    this.#writable()?.saveHeld(events);
  }

  saveCursor(kind: string, cursor: string): void {
    const cache = this.#writable();
    if (cache) cache.saveCursor(kind, cursor);
    else this.#unsavedCursors.set(kind, cursor);
  }

  /** New rules were adopted and `state` folded under them: every page is rewritten from it. */
  rulesAdopted(rules: ResponseRules, state: ResponseState): void {
    const cache = this.#writable();
    if (!cache) {
      this.#refold = { rules, state };
      return;
    }
    cache.saveRules(rules);
    void cache.compact(state);
  }

  /**
   * This tab takes the lead. The old leader wrote the cache while this tab read it: learn where
   * its records end, then write the events heard as a follower (they may not have reached it).
   */
  takeLead(): Promise<void> {
    this.#leading = this.#writeBacklog();
    return this.#leading;
  }

  /** Whether events applied now reach the cache: written at once, or with the backlog as this tab takes the lead. */
  get accepting(): boolean {
    return this.cache !== undefined && this.#leads();
  }

  async #writeBacklog(): Promise<void> {
    this.#takingLead = true;
    try {
      await this.cache?.resync();
    } finally {
      // From here on, in this same task, events are written as they come: none falls between.
      this.#takingLead = false;
    }
    // Closed meanwhile: nothing more is written.
    const cache = this.cache;
    const refold = this.#refold;
    this.#refold = undefined;
    if (!cache || !this.#leads()) return;
    if (this.#recordedUpTo < this.#log.length) cache.record(this.#unrecorded(this.#recordedUpTo));
    this.#recordedUpTo = this.#log.length;
    for (const [kind, cursor] of this.#unsavedCursors) cache.saveCursor(kind, cursor);
    this.#unsavedCursors.clear();
    for (const [emailId, rows] of this.#unsavedSnapshotRows)
      cache.saveCorrection(snapshotKey(emailId), { snapshotRows: rows });
    this.#unsavedSnapshotRows.clear();
    if (refold) this.rulesAdopted(refold.rules, refold.state);
  }

  /** The log as the cache's read fills it: what it adds is noted as already in the cache. */
  #cacheLog(): { add: EventLog['add'] } {
    const log = this.#log;
    const ranges = this.#fromCache;
    return {
      add: (event, row, at) => {
        const position = log.length;
        log.add(event, row, at);
        if (ranges.length > 0 && ranges[ranges.length - 1] === position) ranges[ranges.length - 1] = position + 1;
        else ranges.push(position, position + 1);
      },
    };
  }

  /** The log's events from `from` on that the cache does not have: not among its own. */
  #unrecorded(from: number): ReturnType<EventLog['entries']> {
    const out: ReturnType<EventLog['entries']> = [];
    const ranges = this.#fromCache;
    let start = from;
    for (let i = 0; i < ranges.length; i += 2) {
      const end = ranges[i + 1]!;
      if (end <= start) continue;
      for (const entry of this.#log.entries(start, Math.max(start, ranges[i]!))) out.push(entry);
      start = end;
    }
    for (const entry of this.#log.entries(start)) out.push(entry);
    return out;
  }

  /** Writes what is still queued and closes the database; resolves once it is closed. */
  async close(): Promise<void> {
    this.#closed = true;
    // A lead being taken writes the events this tab holds first (a tab closed right after it got them).
    await this.#leading;
    const cache = this.cache;
    this.cache = undefined;
    await cache?.close();
  }

  /**
   * The one place the writer rule is kept: only the tab that leads (or holds the cache's lock)
   * writes the shared cache, and only once it has learnt where the records on disk end.
   */
  #writable(): ResponseCache | undefined {
    return !this.#takingLead && this.#leads() ? this.cache : undefined;
  }
}
