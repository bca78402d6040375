/**
 * Reading the cache back into an empty state, first rows first. Row pages are restored as they
 * are (no refold), events folded into them are only remembered (so a replay dedupes), and the
 * events written after the last compaction are applied on top.
 */
import type { ResponseEvent } from '../../core/event';
import { EventIdSet } from '../../core/event-id-set';
import { restoreEventIds } from '../../core/saved-event-ids';
import type { ResponseState } from '../../core/fold';
import { isEmailRecord, type CacheDatabase, type FoldRecord } from './cache-schema';
import { isEventPage, unpackEventPage } from './event-pages';
import { readFirst, type FirstRead } from './first-read';
import {
  CacheChangedError,
  type HydrateLog,
  type HydrateOutcome,
  type HydrateProgress,
  type HydrateResult,
} from './hydrate-result';
import { decodeRowPage } from './row-page-format';
import { isRowPage, type RowPage } from './row-pages';
import { idleIfDue, whenIdle } from './idle-slices';
import { afterPaint, yieldIfDue } from '../yield-to-page';

/**
 * Pages per later read: large enough to amortize a request, small enough that decoding one read
 * (structured clone, on this thread, all at once) stays well under a long task.
 */
const CHUNK_PAGES = 8;
const CHUNK_EVENT_RECORDS = 8;

/** Starts the hydrate of `state` (empty) and `log` from `db`; see `ResponseCache.hydrate`. */
export function hydrateState(
  db: CacheDatabase,
  state: ResponseState,
  log: HydrateLog,
  pageSize: number,
  eventPageSize: number,
  onProgress?: (progress: HydrateProgress) => void,
  rest: Promise<unknown> = Promise.resolve(),
  first?: FirstRead,
): Promise<HydrateOutcome> {
  return new Hydration(db, state, log, pageSize, eventPageSize, onProgress, rest, first).run();
}

/** Event records' reads, all requested at once so the browser reads ahead, and their keys. */
interface EventReads {
  reads: Promise<unknown[]>[];
  keys: number[][];
}

/** The event records past the watermark (applied on top of the rows) and those at or below it. */
interface LaterReads {
  tail: EventReads;
  folded: EventReads;
}

/** One hydrate, phase by phase: first read, first rows, later reads, later rows, events. */
class Hydration {
  private readonly started = performance.now();
  private corrupted = 0;
  /** Whether the cached rows are restored as they are (else the events refold them). */
  private useRows = false;
  private rewriteAll = true;
  /**
   * Whether the restored rows learn their event ids from the event records (a cache written
   * before the pages kept their ids' hashes, or a page without them) rather than from the pages.
   */
  private idsFromEvents = true;
  /** A row page was skipped: its rows are rebuilt from all of their events. */
  private pagesDamaged = false;
  /** Event records keyed at or below it are folded into the row pages. */
  private watermark = -Infinity;
  private eventsRead = 0;
  private firstRowsMs = 0;
  private reportedRows = 0;
  /** Every cached row is in the state (see `HydrateProgress.rowsDone`). */
  private rowsDone = false;
  /** When the current slice of work began (see `yieldIfDue`). */
  private slice = 0;
  /** Each email's next page number: a gap means its later slots moved. */
  private readonly expectedPage = new Map<string, number>();
  /** Emails whose kind and type were restored; the others take theirs from the events. */
  private readonly withRecord = new Set<string>();
  private readonly smallRecords: HydrateOutcome['smallRecords'] = [];
  private readonly corruptEventKeys: number[] = [];
  private readonly replayedRows: number[] = [];
  private tailRecords = 0;
  private tailEvents = 0;
  /** One past the last event record's key when the event records were listed. */
  private nextKey = 0;

  constructor(
    private readonly db: CacheDatabase,
    private readonly state: ResponseState,
    private readonly log: HydrateLog,
    private readonly pageSize: number,
    private readonly eventPageSize: number,
    private readonly onProgress: ((progress: HydrateProgress) => void) | undefined,
    /** Resolves when the rest may be read: the store knows whether it writes (`ResponseCache.hydrate`). */
    private readonly rest: Promise<unknown>,
    /** The first read, made as the cache opened (`openResponseCache`): not made again. */
    private readonly prefetched: FirstRead | undefined,
  ) {}

  async run(): Promise<HydrateOutcome> {
    const first = this.prefetched ?? (await readFirst(this.db));
    this.corrupted += first.corrupted;
    this.chooseRows(first.foldRecord);
    if (this.useRows) await this.restoreFirstRows(first);
    // What is read from here on is read as it stands once any writer before this one let go.
    await this.rest;
    const rowReads = await this.requestRows(first);
    const restoredRows = await this.restoreLaterRows(rowReads);
    const rowsMs = performance.now() - this.started;
    // Every row shows before the first event page is read: read with the rows, the event pages
    // landed first and were decoded while the rows waited (issue 16). They are read in idle
    // time after: what needs them (a replay's dedupe, a timeline, a refold) waits for the end.
    if (this.useRows) {
      this.rowsDone = true;
      this.report(false);
      await afterPaint();
    }
    const later = await this.requestEvents(first);
    if (!this.eventsLater(first, restoredRows)) {
      await this.applyEvents(later.folded, restoredRows);
      await this.applyEvents(later.tail, restoredRows);
      this.rowsDone = true;
      this.report(true, true);
      return this.outcome(first, rowsMs, Promise.resolve());
    }
    // Every row and every id it had came from its page: the state needs only the records past
    // the watermark. The others are the log's (timelines, a refold), read after in idle time.
    await this.applyEvents(later.tail, restoredRows);
    // A record lost makes the caller start over: nothing more goes into this log then.
    if (this.corruptEventKeys.length > 0) return this.outcome(first, rowsMs, Promise.resolve());
    this.report(true, false);
    // From the page's first idle period on: the views repaint for `ready` first.
    const logged = whenIdle()
      .then(() => this.applyEvents(later.folded, restoredRows))
      // A read failing now fails the cache (reported once): the state is whole, the log is not.
      .catch(() => undefined)
      .finally(() => this.report(true, true));
    return this.outcome(first, rowsMs, logged);
  }

  /**
   * Whether the state is whole without the records at or below the watermark: each restored row's
   * ids came from its page, no page was damaged or lost (its rows are rebuilt from those records), every
   * email's kind and type came from its record, and no correction refolds rows from the log.
   */
  private eventsLater(first: FirstRead, restoredRows: number): boolean {
    if (!this.useRows || this.idsFromEvents || this.pagesDamaged || first.corrections) return false;
    // A page lost (the migration could not read it) leaves no gap when it was an email's last.
    if (first.foldRecord?.rows !== restoredRows) return false;
    for (const id of this.state.emails.ids()) if (!this.withRecord.has(id)) return false;
    return true;
  }

  /** Rows folded under other rules would show responses these rules would not give: refold instead. */
  private chooseRows(foldRecord: FoldRecord | undefined): void {
    const empty = this.state.recipients.size === 0 && this.state.eventCount === 0;
    if (!empty || foldRecord === undefined || foldRecord.rulesVersion !== this.state.rules.version) return;
    this.useRows = true;
    this.rewriteAll = foldRecord.pageSize !== this.pageSize;
    this.watermark = foldRecord.watermark;
    // The pages' ids were hashed under the fold record's seeds: the state hashes with them too.
    const seeds = foldRecord.idSeeds;
    this.idsFromEvents = !(seeds && EventIdSet.of(this.state.recipients)?.adoptSeeds(seeds[0], seeds[1]));
    // A cache from before saved ids: the next compaction rewrites every page with them.
    if (this.idsFromEvents) this.rewriteAll = true;
  }

  /** The emails, then the first pages, then a paint: what a reopened page is waiting for. */
  private async restoreFirstRows(first: FirstRead): Promise<void> {
    const { state } = this;
    const valid = first.emails.filter((record) => isEmailRecord(record));
    this.corrupted += first.emails.length - valid.length;
    if (valid.length !== first.emails.length) this.rewriteAll = true;
    for (const record of valid) this.withRecord.add(record.id);
    for (const record of valid.sort((a, b) => a.order - b.order)) {
      // Created in their original order before any row, so the restored emails list as before.
      const entry = state.emails.entry(record.id, state.rules.responses.length);
      entry.kind = record.kind ?? undefined;
      entry.kindAt = record.kindAt;
      entry.type = record.type ?? undefined;
      entry.typeAt = record.typeAt;
    }
    await this.restore(first.firstPages, false);
    this.report(false);
    await afterPaint();
  }

  /**
   * Every row page left is requested at once: the browser reads ahead while this thread restores.
   * Throws `CacheChangedError` when another tab compacted since the first read: its pages hold
   * events past the watermark read first, which would be applied twice on top of them.
   */
  private async requestRows(first: FirstRead): Promise<Promise<unknown[]>[]> {
    if (!this.useRows) return [];
    const rest = this.db.transaction(['fold', 'rows'], 'readonly');
    const [foldNow, rowKeys] = await Promise.all([
      rest.objectStore('fold').get('fold'),
      rest.objectStore('rows').getAllKeys(),
    ]);
    if (JSON.stringify(foldNow) !== JSON.stringify(first.fold)) throw new CacheChangedError();
    // The pages after the first ones by key, not by count: another tab may have written in between.
    const lastFirst = first.firstKeys.at(-1);
    const laterKeys =
      lastFirst === undefined
        ? rowKeys
        : rowKeys.filter(
            ([emailId, page]) => emailId > lastFirst[0] || (emailId === lastFirst[0] && page > lastFirst[1]),
          );
    const rows = rest.objectStore('rows');
    const rowReads = chunks(laterKeys, CHUNK_PAGES).map((keys) => rows.getAll(keyRange(keys)));
    // A read left unawaited after a failure must not be an unhandled rejection.
    for (const read of rowReads) read.catch(() => undefined);
    // Room for every page's rows at once (after the first paint: a million rows take 200 MB to
    // allocate): growing the table by doubling would copy it each time.
    this.state.recipients.reserve(this.state.recipients.size + fullPageRows(rowKeys, this.pageSize));
    this.slice = performance.now();
    return rowReads;
  }

  /** The event records, once the rows are in; the same check as `requestRows`. */
  private async requestEvents(first: FirstRead): Promise<LaterReads> {
    const rest = this.db.transaction(['fold', 'events', 'corrections'], 'readonly');
    const [foldNow, eventKeys, corrections] = await Promise.all([
      rest.objectStore('fold').get('fold'),
      rest.objectStore('events').getAllKeys(),
      rest.objectStore('corrections').count(),
    ]);
    if (JSON.stringify(foldNow) !== JSON.stringify(first.fold)) throw new CacheChangedError();
    // The first read may be older than the store's lock on the cache: the writer before it could
    // still add corrections and records then. Read now, they are all here, and the writer's next
    // key follows the last of them.
    if (corrections > 0) first.corrections = true;
    this.nextKey = (eventKeys.at(-1) ?? -1) + 1;
    const events = rest.objectStore('events');
    // The records past the watermark first: the state waits for them, the log for the others.
    const read = (keys: number[]): EventReads => {
      const keyChunks = chunks(keys, CHUNK_EVENT_RECORDS);
      const reads = keyChunks.map((chunk) => events.getAll(keyRange(chunk)));
      for (const pending of reads) pending.catch(() => undefined);
      return { reads, keys: keyChunks };
    };
    const tail = read(eventKeys.filter((key) => key > this.watermark));
    const folded = read(eventKeys.filter((key) => key <= this.watermark));
    this.slice = performance.now();
    return { tail, folded };
  }

  /** The rest of the row pages; resolves with the rows restored (rows past it come from replays). */
  private async restoreLaterRows(rowReads: readonly Promise<unknown[]>[]): Promise<number> {
    for (const read of rowReads) {
      await this.restore(await read);
      this.reportGrowth();
    }
    return this.state.recipients.size;
  }

  /**
   * Events folded into the restored rows are only remembered (so a replay counts once); the others
   * (past the watermark, or of a row no page restored) are applied on top. Once the rows show,
   * a record at a time in idle time; refolding (no rows restored), as fast as painting allows.
   */
  private async applyEvents(later: EventReads, restoredRows: number): Promise<void> {
    const pace = this.useRows ? idleIfDue : yieldIfDue;
    const replay: ResponseEvent[] = [];
    const onReplayed = (event: ResponseEvent, row: number, at: number) => {
      this.log.add(event, row, at);
      if (!this.rewriteAll) this.replayedRows.push(row);
    };
    for (let c = 0; c < later.reads.length; c++) {
      const values = await later.reads[c]!;
      const keys = later.keys[c]!;
      for (let i = 0; i < values.length; i++) {
        this.applyRecord(values[i], keys[i]!, restoredRows, replay);
        if (replay.length > 0) this.state.apply(replay.splice(0), onReplayed);
        this.slice = await pace(this.slice);
      }
      this.reportGrowth();
    }
  }

  /** One event record: its events remembered, or put in `replay` to apply. */
  private applyRecord(page: unknown, key: number, restoredRows: number, replay: ResponseEvent[]): void {
    const { state, log, withRecord } = this;
    if (!isEventPage(page)) {
      this.corrupted++;
      this.corruptEventKeys.push(key);
      return;
    }
    if (page.ids.length < this.eventPageSize) this.smallRecords.push({ key, page });
    const events = unpackEventPage(page);
    this.eventsRead += events.length;
    if (key > this.watermark) {
      this.tailRecords++;
      this.tailEvents += events.length;
      for (const event of events) replay.push(event);
      return;
    }
    const entries = page.emailIds.map((id) => state.emails.get(id));
    for (let e = 0; e < events.length; e++) {
      const entry = entries[page.email[e]!];
      const row = entry?.rows.get(page.recipientIds[e]!) ?? -1;
      // A row not restored from a page (a damaged one) is rebuilt from all of its events.
      if (row < 0 || row >= restoredRows) replay.push(events[e]!);
      else {
        log.add(events[e]!, row, page.at[e]!);
        if (this.idsFromEvents) state.rememberEvent(row, page.ids[e]!);
        if (!withRecord.has(entry!.id)) state.emails.mergeMeta(entry!, events[e]!, page.at[e]!);
      }
    }
  }

  private outcome(first: FirstRead, rowsMs: number, logged: Promise<void>): HydrateOutcome {
    const { foldRecord } = first;
    const result: HydrateResult = {
      cursors: first.cursors,
      rules: first.rulesRecord?.rules,
      held: first.held,
      rulesVersion: foldRecord?.rulesVersion ?? undefined,
      refolded: !this.useRows,
      recipients: this.state.recipients.size,
      events: this.eventsRead,
      corrupted: this.corrupted,
      eventRecordsLost: this.corruptEventKeys.length,
      partial: false,
      changedWhileRead: false,
      firstRowsMs: this.firstRowsMs,
      rowsMs,
      totalMs: performance.now() - this.started,
    };
    const staleRows = this.rewriteAll && (foldRecord?.rulesVersion ?? null) !== null;
    const { smallRecords, corruptEventKeys, rewriteAll, replayedRows, tailRecords, tailEvents, nextKey } = this;
    return {
      fold: foldRecord,
      nextKey,
      result,
      smallRecords,
      corruptEventKeys,
      rewriteAll,
      staleRows,
      replayedRows,
      tailRecords,
      tailEvents,
      logged,
    };
  }

  /** Restores row pages in order, yielding between them when `sliced`. */
  private async restore(records: readonly unknown[], sliced = true): Promise<void> {
    for (const record of records) {
      const page = decodeRowPage(record);
      if (!page || !isRowPage(page)) {
        this.corrupted++;
        this.pagesDamaged = true;
        this.rewriteAll = true;
        continue;
      }
      // A missing page shifts every later slot of its email: the pages must be rewritten.
      if ((this.expectedPage.get(page.emailId) ?? 0) !== page.page) this.rewriteAll = true;
      this.expectedPage.set(page.emailId, page.page + 1);
      const firstRow = this.state.recipients.size;
      const refused = this.state.restoreRecipients(page);
      if (refused > 0) this.rewriteAll = true;
      if (!this.idsFromEvents) this.restoreIds(page, firstRow, refused);
      if (sliced) this.slice = await yieldIfDue(this.slice);
    }
  }

  /**
   * The page's rows' event ids, from its hashes: its rows are `firstRow` on, slot by slot, unless
   * some were refused. A page without them (or with refused rows) sends every row back to the
   * events for its ids, as before pages kept them, and its pages are all rewritten.
   */
  private restoreIds(page: RowPage, firstRow: number, refused: number): void {
    const ids = EventIdSet.of(this.state.recipients);
    const { idCounts, idHashes } = page;
    if (ids && refused === 0 && idCounts && idHashes)
      restoreEventIds(ids, firstRow, { counts: idCounts, hashes: idHashes });
    else {
      this.idsFromEvents = true;
      this.rewriteAll = true;
    }
  }

  private report(done: boolean, logged = done): void {
    const rows = this.state.recipients.size;
    if (this.firstRowsMs === 0 && rows > 0) this.firstRowsMs = performance.now() - this.started;
    this.reportedRows = rows;
    try {
      this.onProgress?.({ rows, events: this.eventsRead, rowsDone: this.rowsDone, done, logged });
    } catch (error) {
      // A view failing to paint must not leave the state half-hydrated.
      console.error('email-responses: a hydrate onProgress callback threw', error);
    }
  }

  /**
   * A view shows the rows it has after each report and rebuilds its order then: reporting as the
   * rows double, not after every read, keeps those rebuilds to twice the rows in all.
   */
  private reportGrowth(): void {
    if (this.state.recipients.size >= 2 * this.reportedRows) this.report(false);
  }
}

/**
 * Rows certainly in these pages: an email's pages are full but its last. Not every page times
 * `pageSize`: ten thousand emails of one recipient each would reserve ten million rows.
 */
function fullPageRows(keys: readonly (readonly [string, number])[], pageSize: number): number {
  const pages = new Map<string, number>();
  for (const [emailId] of keys) pages.set(emailId, (pages.get(emailId) ?? 0) + 1);
  let rows = 0;
  for (const count of pages.values()) rows += (count - 1) * pageSize + 1;
  return rows;
}

/** From the first key of a chunk to its last (keys are sorted, as getAllKeys gives them). */
function keyRange<K extends IDBValidKey>(keys: readonly K[]): IDBKeyRange {
  return IDBKeyRange.bound(keys[0], keys[keys.length - 1]);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
