/**
 * Reading the cache back into an empty state, first rows first. Row pages are restored as they
 * are (no refold), events folded into them are only remembered (so a replay dedupes), and the
 * events written after the last compaction are applied on top.
 */
import type { ResponseEvent } from '../../core/event';
import { EventIdSet } from '../../core/event-id-set';
import type { ResponseState } from '../../core/fold';
import { isEmailRecord, type CacheDatabase, type FoldRecord } from './cache-schema';
import { isEventPage, unpackEventPage } from './event-pages';
import { readFirst, type FirstRead } from './first-read';
import type { HydrateLog, HydrateOutcome, HydrateProgress, HydrateResult } from './hydrate-result';
import { requestEvents, requestRows, type EventReads } from './later-reads';
import { FIRST_PAGE_ROWS, sameLayout } from './page-layout';
import { RowRestorer } from './row-restore';
import { idleIfDue, whenIdle } from './idle-slices';
import { afterPaint, yieldIfDue } from '../yield-to-page';

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
  refold = false,
): Promise<HydrateOutcome> {
  return new Hydration(db, state, log, pageSize, eventPageSize, onProgress, rest, first, refold).run();
}

/** One hydrate, phase by phase: first read, first rows, later reads, later rows, events. */
class Hydration {
  private readonly started = performance.now();
  private readonly rows: RowRestorer;
  /** Whether the cached rows are restored as they are (else the events refold them). */
  private useRows = false;
  /** Event records keyed at or below it are folded into the row pages. */
  private watermark = -Infinity;
  private eventsRead = 0;
  private corruptRecords = 0;
  private firstRowsMs = 0;
  private reportedRows = 0;
  /** Every cached row is in the state (see `HydrateProgress.rowsDone`). */
  private rowsDone = false;
  /** When the current slice of work began (see `yieldIfDue`). */
  private slice = 0;
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
    /** The cached rows were found damaged: the events fold them again. */
    private readonly refold: boolean,
  ) {
    this.rows = new RowRestorer(state);
  }

  async run(): Promise<HydrateOutcome> {
    const first = this.prefetched ?? (await readFirst(this.db));
    this.corruptRecords += first.corrupted;
    this.chooseRows(first.foldRecord);
    if (this.useRows) await this.restoreFirstRows(first);
    // What is read from here on is read as it stands once any writer before this one let go.
    await this.rest;
    const restoredRows = await this.restoreLaterRows(first);
    const rowsMs = performance.now() - this.started;
    // Every row shows before the first event page is read: read with the rows, the event pages
    // landed first and were decoded while the rows waited. They are read in idle time after: what
    // needs them (a replay's dedupe, a timeline, a refold) waits for the end (issue 16). So does
    // the rows' recipient index, built once they have painted, in slices that leave the page free
    // to sort and scroll them (slices waiting for idle time put `ready` seconds later under load).
    // `rowsDone` waits for it: from then on a recipient is found by its id too.
    if (this.useRows) {
      this.report(false);
      await afterPaint();
      this.slice = performance.now();
      await this.rows.index(async () => void (this.slice = await yieldIfDue(this.slice)));
      this.rowsDone = true;
      this.report(false);
    }
    const later = await requestEvents(this.db, first, this.watermark);
    // The first read may be older than the store's lock on the cache: the writer before it could
    // still add corrections and records then. Read now, they are all here, and the writer's next
    // key follows the last of them.
    if (later.corrections) first.corrections = true;
    this.nextKey = later.nextKey;
    this.slice = performance.now();
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
    if (!this.useRows || this.rows.idsFromEvents || this.rows.pagesDamaged || first.corrections) return false;
    // A page lost (the migration could not read it) leaves no gap when it was an email's last.
    if (first.foldRecord?.rows !== restoredRows) return false;
    for (const id of this.state.emails.ids()) if (!this.withRecord.has(id)) return false;
    return true;
  }

  /** Rows folded under other rules would show responses these rules would not give: refold instead. */
  private chooseRows(foldRecord: FoldRecord | undefined): void {
    const empty = this.state.recipients.size === 0 && this.state.eventCount === 0;
    if (!empty || this.refold || foldRecord === undefined || foldRecord.rulesVersion !== this.state.rules.version)
      return;
    this.useRows = true;
    const { rows } = this;
    rows.rewriteAll = !sameLayout(foldRecord, this.pageSize);
    this.watermark = foldRecord.watermark;
    // The pages' ids were hashed under the fold record's seeds: the state hashes with them too.
    const seeds = foldRecord.idSeeds;
    rows.idsFromEvents = !(seeds && EventIdSet.of(this.state.recipients).adoptSeeds(seeds[0], seeds[1]));
    // A cache from before saved ids: the next compaction rewrites every page with them.
    if (rows.idsFromEvents) rows.rewriteAll = true;
  }

  /** The emails, then the first pages, then a paint: what a reopened page is waiting for. */
  private async restoreFirstRows(first: FirstRead): Promise<void> {
    const { state } = this;
    const valid = first.emails.filter((record) => isEmailRecord(record));
    this.corruptRecords += first.emails.length - valid.length;
    if (valid.length !== first.emails.length) this.rows.rewriteAll = true;
    for (const record of valid) this.withRecord.add(record.id);
    for (const record of valid.sort((a, b) => a.order - b.order)) {
      // Created in their original order before any row, so the restored emails list as before.
      const entry = state.emails.entry(record.id, state.rules.responses.length);
      entry.kind = record.kind ?? undefined;
      entry.kindAt = record.kindAt;
      entry.type = record.type ?? undefined;
      entry.typeAt = record.typeAt;
    }
    await this.rows.restoreFirst(first.firstPages, FIRST_PAGE_ROWS, async () => {
      this.report(false);
      await afterPaint();
    });
  }

  /**
   * Every row page left, requested at once (the browser reads ahead while this thread restores);
   * resolves with the rows restored (rows past it come from replays).
   */
  private async restoreLaterRows(first: FirstRead): Promise<number> {
    if (!this.useRows) return this.state.recipients.size;
    const { reads, rows } = await requestRows(this.db, first);
    // Room for every page's rows at once (after the first paint: a million rows take 200 MB to
    // allocate): growing the table by half again would copy it each time.
    this.state.recipients.reserve(Math.max(this.state.recipients.size, rows));
    this.slice = performance.now();
    const pace = async () => void (this.slice = await yieldIfDue(this.slice));
    for (const read of reads) {
      await this.rows.restore(await read, pace);
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
      if (!this.rows.rewriteAll) this.replayedRows.push(row);
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
    const { idsFromEvents } = this.rows;
    if (!isEventPage(page)) {
      this.corruptRecords++;
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
        if (idsFromEvents) state.rememberEvent(row, page.ids[e]!);
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
      corrupted: this.corruptRecords + this.rows.corrupted,
      eventRecordsLost: this.corruptEventKeys.length,
      partial: false,
      changedWhileRead: false,
      firstRowsMs: this.firstRowsMs,
      rowsMs,
      totalMs: performance.now() - this.started,
    };
    const { rewriteAll } = this.rows;
    const staleRows = rewriteAll && (foldRecord?.rulesVersion ?? null) !== null;
    const { smallRecords, corruptEventKeys, replayedRows, tailRecords, tailEvents, nextKey } = this;
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
   * rows grow fourfold, not after every read, keeps those rebuilds to a third more than the rows
   * in all. Doubling (twice the rows in all) rebuilt some 650,000 rows more before a million
   * showed, for a scrollbar that grew in five steps rather than three.
   */
  private reportGrowth(): void {
    if (this.state.recipients.size >= 4 * this.reportedRows) this.report(false);
  }
}
