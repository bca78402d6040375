/**
 * Row pages back into the state, in bulk: every row of a page goes into the recipient table at
 * once, with no object per row and without its email's recipient index, which is built after
 * the rows show (`index`, a slice at a time): at a million rows that index costs some 300 ms the
 * first paint of every row need not wait for (issue 16). Until it is built nothing reads it: the
 * cached events and the store's own events wait for `index`.
 */
import { EventIdSet } from '../../core/event-id-set';
import type { ResponseState } from '../../core/fold';
import { indexRestoredRows } from '../../core/restored-index';
import { restoreEventIds, type SavedEventIds } from '../../core/saved-event-ids';
import {
  decodeTextRowPage,
  refusesRows,
  restoreTextRuns,
  sliceTextRowPage,
  withTextValues,
  type TextRowPage,
} from './row-page-texts';
import type { RowPage } from './row-pages';

/** Rows indexed between two checks of the slice's time. */
const INDEX_STEP = 4096;

/** Thrown when two restored rows of one email are the same recipient: the cache's rows are damaged. */
export class RepeatedRowsError extends Error {
  constructor() {
    super('the cached rows repeat a recipient');
  }
}

export class RowRestorer {
  /** Records found damaged (and left out). */
  corrupted = 0;
  /** A row page was skipped: its rows are rebuilt from all of their events. */
  pagesDamaged = false;
  /** The row pages no longer match the state's slots: rewrite them all at the next compaction. */
  rewriteAll = true;
  /** Whether the restored rows learn their event ids from the event records (see hydrate.ts). */
  idsFromEvents = true;
  /** Each email's next page number: a gap means its later slots moved. */
  private readonly expectedPage = new Map<string, number>();
  /** Each email's rows up to here (in its `order`) are in its recipient index. */
  private readonly indexed = new Map<string, number>();
  /**
   * Pages whose rows' event ids are still to be written (`index` writes them): nothing reads
   * them before it (ingest and the cached events wait for it), and at a million rows they cost
   * some 80 ms the paint of every row need not wait for.
   */
  private readonly idPages: { firstRow: number; saved: SavedEventIds }[] = [];

  constructor(private readonly state: ResponseState) {}

  /** Restores row pages in order, calling `pace` between them. */
  async restore(records: readonly unknown[], pace?: () => Promise<void>): Promise<void> {
    this.reserve(records);
    for (const record of records) {
      const page = this.validPage(record);
      if (page) this.restoreRows(page);
      await pace?.();
    }
  }

  /**
   * Restores the first `rows` rows of the first pages, calls `shown` (a view paints them), then
   * restores the rest: a page of 65,536 rows restored whole, and a view's first sort of all of
   * them, would hold up the first paint.
   */
  async restoreFirst(records: readonly unknown[], rows: number, shown: () => Promise<void>): Promise<void> {
    let left = rows;
    const rest: TextRowPage[] = [];
    for (const record of records) {
      const page = this.validPage(record);
      if (!page) continue;
      const size = page.page.recipientIds.length;
      if (left >= size) this.restoreRows(page);
      else {
        this.restoreRows(sliceTextRowPage(page, 0, left));
        rest.push(sliceTextRowPage(page, left, size));
      }
      left = Math.max(0, left - size);
    }
    await shown();
    for (const page of rest) this.restoreRows(page);
  }

  /**
   * Puts every row restored so far in its email's recipient index, `pace` called between slices.
   * Throws `RepeatedRowsError` when a recipient was restored twice (only a damaged cache has that).
   */
  async index(pace: () => Promise<void>): Promise<void> {
    const { state } = this;
    const ids = EventIdSet.of(state.recipients);
    for (const { firstRow, saved } of this.idPages.splice(0)) {
      restoreEventIds(ids!, firstRow, saved);
      await pace();
    }
    for (const emailId of state.emails.ids()) {
      const entry = state.emails.get(emailId)!;
      let from = this.indexed.get(emailId) ?? entry.order.length;
      const to = entry.order.length;
      entry.rows.reserve(entry.rows.size + (to - from));
      while (from < to) {
        const end = Math.min(to, from + INDEX_STEP);
        if (indexRestoredRows(state.recipients, entry, from, end) > 0) throw new RepeatedRowsError();
        from = end;
        this.indexed.set(emailId, from);
        await pace();
      }
    }
  }

  /**
   * Room for every row of these records at once: grown page by page, a million rows copied the
   * table (and filled its text slots) some ten times over, 157 ms in one profile. A damaged
   * record's count is a guess, and only sizes the table.
   */
  private reserve(records: readonly unknown[]): void {
    let rows = 0;
    for (const record of records) {
      const lengths = (record as { recipientIds?: { lengths?: unknown } } | null)?.recipientIds?.lengths;
      if (lengths instanceof Int32Array) rows += lengths.length;
    }
    // Some 16 million rows would be damaged records, not pages: the table then grows as it goes.
    if (rows <= 1 << 24) this.state.recipients.reserve(this.state.recipients.size + rows);
  }

  /** The page a record holds, checked, in its email's order of pages; undefined when damaged. */
  private validPage(record: unknown): TextRowPage | undefined {
    const texts = decodeTextRowPage(record);
    if (!texts) {
      this.corrupted++;
      this.pagesDamaged = true;
      this.rewriteAll = true;
      return undefined;
    }
    const { page } = texts;
    // A missing page shifts every later slot of its email: the pages must be rewritten.
    if ((this.expectedPage.get(page.emailId) ?? 0) !== page.page) this.rewriteAll = true;
    this.expectedPage.set(page.emailId, page.page + 1);
    return texts;
  }

  /**
   * The page's rows, their ids and meta texts left in the page's columns (see `restoreTextRuns`)
   * unless some rows are refused, which would put the later ones out of step with their slots.
   */
  private restoreRows(texts: TextRowPage): void {
    const { state } = this;
    const { page } = texts;
    // Rows of an email restored before this one are indexed from where they began.
    if (!this.indexed.has(page.emailId))
      this.indexed.set(page.emailId, state.emails.get(page.emailId)?.order.length ?? 0);
    const firstRow = state.recipients.size;
    const runs = !refusesRows(state.rules, page);
    const refused = state.restoreRecipients(runs ? { ...page, idsInRuns: true } : withTextValues(texts), false);
    if (runs) restoreTextRuns(state.recipients, firstRow, texts);
    if (refused > 0) this.rewriteAll = true;
    if (!this.idsFromEvents) this.restoreIds(page, firstRow, refused);
  }

  /**
   * The page's rows' event ids, from its hashes, kept for `index`: its rows are `firstRow` on,
   * slot by slot, unless some were refused. A page without them (or with refused rows) sends
   * every row back to the events for its ids, as before pages kept them, and its pages are all
   * rewritten.
   */
  private restoreIds(page: RowPage, firstRow: number, refused: number): void {
    const ids = EventIdSet.of(this.state.recipients);
    const { idCounts, idHashes } = page;
    if (ids && refused === 0 && idCounts && idHashes)
      this.idPages.push({ firstRow, saved: { counts: idCounts, hashes: idHashes } });
    else {
      this.idsFromEvents = true;
      this.rewriteAll = true;
    }
  }
}
